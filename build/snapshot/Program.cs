using Navidrome.DiscordPresence.Snapshot;

// snapshot <plugin.wasm> <out.wasm> [<memory-map.md>]: pre-initializes the plugin (runtime start-up and a warm-up of
// every export); with a third path, also writes the map of what the snapshot's memory holds.
if (args.Length is not (2 or 3))
{
    Console.Error.WriteLine("usage: snapshot <plugin.wasm> <snapshot.wasm> [<memory-map.md>]");
    return 2;
}
var input = await File.ReadAllBytesAsync(args[0]);
var (output, map) = PluginSnapshot.Take(input);
await File.WriteAllBytesAsync(args[1], output);
if (args.Length == 3) await File.WriteAllTextAsync(args[2], map);
Console.WriteLine($"snapshot: {input.Length:N0} -> {output.Length:N0} bytes");
return 0;
