using System.Text;
using Wasmtime;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>
/// The Extism kernel as the warm-up needs it: per-call input, output and error, memory blocks kept on the host side
/// (as the real kernel keeps them outside the plugin's memory), config, a discarded log, and Navidrome's
/// <c>extism:host/user</c> functions answered from <see cref="Answer"/>. Nothing here reaches a network.
/// </summary>
internal sealed class WarmUpKernel(IReadOnlyDictionary<string, string> config, Func<string, string, string> answer)
{
    private readonly Dictionary<long, byte[]> blocks = [];
    private long next = 1;
    private byte[] input = [];

    /// <summary>The error the last call set, if any.</summary>
    public string? Error { get; private set; }

    /// <summary>Host answers of the warm-up, as (function, request) → response JSON.</summary>
    public Func<string, string, string> Answer { get; } = answer;

    /// <summary>Starts a new call with this input.</summary>
    public void Begin(string callInput)
    {
        input = Encoding.UTF8.GetBytes(callInput);
        Error = null;
        blocks.Clear();
    }

    public void DefineIn(Linker linker, Module module)
    {
        const string env = "extism:host/env";
        linker.DefineFunction(env, "input_length", () => (long)input.Length);
        linker.DefineFunction(env, "input_load_u8", (long offset) => (int)input[offset]);
        linker.DefineFunction(env, "input_load_u64", (long offset) => BitConverter.ToInt64(input, (int)offset));
        linker.DefineFunction(env, "alloc", (long length) => Alloc(new byte[length]));
        linker.DefineFunction(env, "free", (long offset) => { blocks.Remove(offset); });
        linker.DefineFunction(env, "length", (long offset) => blocks.TryGetValue(offset, out var b) ? b.Length : 0L);
        linker.DefineFunction(env, "load_u8", (long offset) => (int)At(offset, 1)[0]);
        linker.DefineFunction(env, "load_u64", (long offset) => BitConverter.ToInt64(At(offset, 8)));
        linker.DefineFunction(env, "store_u8", (long offset, int value) => { At(offset, 1)[0] = (byte)value; });
        linker.DefineFunction(env, "store_u64", (long offset, long value) => { BitConverter.TryWriteBytes(At(offset, 8), value); });
        linker.DefineFunction(env, "output_set", (long offset, long length) => { });
        linker.DefineFunction(env, "error_set", (long offset) => { Error = Text(offset); });
        linker.DefineFunction(env, "config_get", (long offset) => config.TryGetValue(Text(offset), out var value) ? Alloc(Encoding.UTF8.GetBytes(value)) : 0L);
        foreach (var level in new[] { "log_trace", "log_debug", "log_info", "log_warn", "log_error" })
            linker.DefineFunction(env, level, (long offset) => { });
        foreach (var import in module.Imports.Where(i => i.ModuleName == "extism:host/user"))
        {
            var name = import.Name;
            linker.DefineFunction("extism:host/user", name, (long offset) => Alloc(Encoding.UTF8.GetBytes(Answer(name, Text(offset)))));
        }
    }

    private long Alloc(byte[] bytes)
    {
        var offset = next;
        next += Math.Max(1, bytes.Length);
        blocks[offset] = bytes;
        return offset;
    }

    private Span<byte> At(long offset, int length)
    {
        foreach (var (start, bytes) in blocks)
            if (offset >= start && offset + length <= start + bytes.Length) return bytes.AsSpan((int)(offset - start), length);
        throw new InvalidOperationException($"no kernel block holds {length} bytes at {offset}");
    }

    private string Text(long offset) => blocks.TryGetValue(offset, out var bytes) ? Encoding.UTF8.GetString(bytes) : "";
}
