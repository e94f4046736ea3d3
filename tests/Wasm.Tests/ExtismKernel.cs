using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Harness;
using Wasmtime;

namespace Navidrome.DiscordPresence.Wasm.Tests;

/// <summary>
/// A minimal Extism kernel for one call: input, output and error, memory blocks addressed by offset (kept on the host
/// side, as the real kernel keeps them outside the plugin's memory), config and log, plus Navidrome's
/// <c>extism:host/user</c> functions routed to <see cref="IHostServices"/>.
/// </summary>
internal sealed class ExtismKernel(byte[] input, IHostServices host)
{
    private readonly Dictionary<long, byte[]> blocks = [];
    private long next = 1; // offset 0 means "no block"

    public byte[] Output { get; private set; } = [];
    public string? Error { get; private set; }

    public void DefineIn(Linker linker, Module module)
    {
        const string env = "extism:host/env";
        linker.DefineFunction(env, "input_length", () => (long)input.Length);
        linker.DefineFunction(env, "input_load_u8", (long offset) => (int)input[offset]);
        linker.DefineFunction(env, "input_load_u64", (long offset) => BitConverter.ToInt64(input, (int)offset));
        linker.DefineFunction(env, "alloc", (long length) => Alloc(new byte[length]));
        linker.DefineFunction(env, "free", (long offset) => { blocks.Remove(offset); });
        linker.DefineFunction(env, "length", (long offset) => Find(offset) is { } b ? (long)b.Bytes.Length - b.At : 0L);
        linker.DefineFunction(env, "load_u8", (long offset) => (int)At(offset, 1)[0]);
        linker.DefineFunction(env, "load_u64", (long offset) => BitConverter.ToInt64(At(offset, 8)));
        linker.DefineFunction(env, "store_u8", (long offset, int value) => { At(offset, 1)[0] = (byte)value; });
        linker.DefineFunction(env, "store_u64", (long offset, long value) => { BitConverter.TryWriteBytes(At(offset, 8), value); });
        linker.DefineFunction(env, "output_set", (long offset, long length) => { Output = At(offset, (int)length).ToArray(); });
        linker.DefineFunction(env, "error_set", (long offset) => { Error = Text(offset); });
        linker.DefineFunction(env, "config_get", (long offset) => host.GetConfig(Text(offset)) is { } value ? Alloc(Encoding.UTF8.GetBytes(value)) : 0L);
        linker.DefineFunction(env, "log_debug", (long offset) => host.Log(LogLevel.Debug, Text(offset)));
        linker.DefineFunction(env, "log_info", (long offset) => host.Log(LogLevel.Info, Text(offset)));
        linker.DefineFunction(env, "log_warn", (long offset) => host.Log(LogLevel.Warn, Text(offset)));
        linker.DefineFunction(env, "log_error", (long offset) => host.Log(LogLevel.Error, Text(offset)));

        foreach (var import in module.Imports.Where(i => i.ModuleName == "extism:host/user"))
        {
            var name = import.Name;
            linker.DefineFunction("extism:host/user", name, (long offset) => Alloc(host.CallHost(name, At(offset, (int)(blocks[offset].Length)).ToArray())));
        }
    }

    private long Alloc(byte[] bytes)
    {
        var offset = next;
        next += Math.Max(1, bytes.Length);
        blocks[offset] = bytes;
        return offset;
    }

    private (byte[] Bytes, int At)? Find(long offset)
    {
        foreach (var (start, bytes) in blocks)
            if (offset >= start && offset < start + Math.Max(1, bytes.Length)) return (bytes, (int)(offset - start));
        return null;
    }

    private Span<byte> At(long offset, int length) =>
        Find(offset) is { } b ? b.Bytes.AsSpan(b.At, length) : throw new InvalidOperationException($"no kernel block at {offset}");

    private string Text(long offset) => Encoding.UTF8.GetString(At(offset, blocks[offset].Length));
}
