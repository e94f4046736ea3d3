using Navidrome.DiscordPresence.Snapshot;

// snapshot <plugin.wasm> <out.wasm>: pre-initializes the plugin (runtime start-up and a warm-up of every export).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: snapshot <plugin.wasm> <snapshot.wasm>");
    return 2;
}
var input = await File.ReadAllBytesAsync(args[0]);
var output = PluginSnapshot.Take(input);
await File.WriteAllBytesAsync(args[1], output);
Console.WriteLine($"snapshot: {input.Length:N0} -> {output.Length:N0} bytes");
return 0;
