using System.Text;
using Wasmtime;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>The log levels of the Extism kernel's log functions.</summary>
public enum KernelLogLevel { Debug, Info, Warn, Error }

/// <summary>
/// The Extism kernel as a Wasmtime host provides it, for the build-time warm-up and for the tests' wasm runner:
/// the call's input, output and error; memory blocks addressed by offset and kept on the host side (as the real
/// kernel keeps them outside the plugin's memory); config; log; and Navidrome's <c>extism:host/user</c> functions,
/// which take and return a block of JSON. <see cref="Begin"/> starts a call, so one instance can serve several.
/// </summary>
public sealed class ExtismKernel(Func<string, string?> config, Func<string, byte[], byte[]> callHost, Action<KernelLogLevel, string> log)
{
    private readonly Dictionary<long, byte[]> blocks = [];
    private long next = 1; // offset 0 means "no block"
    private byte[] input = [];

    /// <summary>What the call set as its output.</summary>
    public byte[] Output { get; private set; } = [];

    /// <summary>What the call set as its error, if anything.</summary>
    public string? Error { get; private set; }

    /// <summary>Starts a call with this input; blocks of earlier calls are gone, as in a fresh kernel.</summary>
    public void Begin(byte[] callInput)
    {
        input = callInput;
        Output = [];
        Error = null;
        blocks.Clear();
    }

    /// <summary>Defines the <c>extism:host/env</c> functions and every <c>extism:host/user</c> import of the module.</summary>
    public void DefineIn(Linker linker, Module module)
    {
        const string env = "extism:host/env";
        linker.DefineFunction(env, "input_length", () => (long)input.Length);
        linker.DefineFunction(env, "input_load_u8", (long offset) => (int)input[offset]);
        linker.DefineFunction(env, "input_load_u64", (long offset) => BitConverter.ToInt64(input, (int)offset));
        linker.DefineFunction(env, "alloc", (long length) => length == 0 ? 0L : Alloc(new byte[length])); // as the real kernel
        linker.DefineFunction(env, "free", (long offset) => { blocks.Remove(offset); });
        linker.DefineFunction(env, "length", (long offset) => blocks.TryGetValue(offset, out var b) ? (long)b.Length : 0L);
        linker.DefineFunction(env, "load_u8", (long offset) => (int)At(offset, 1)[0]);
        linker.DefineFunction(env, "load_u64", (long offset) => BitConverter.ToInt64(At(offset, 8)));
        linker.DefineFunction(env, "store_u8", (long offset, int value) => { At(offset, 1)[0] = (byte)value; });
        linker.DefineFunction(env, "store_u64", (long offset, long value) => { BitConverter.TryWriteBytes(At(offset, 8), value); });
        linker.DefineFunction(env, "output_set", (long offset, long length) => { Output = length == 0 ? [] : At(offset, (int)length).ToArray(); });
        linker.DefineFunction(env, "error_set", (long offset) => { Error = offset == 0 ? null : Text(offset); }); // 0 clears, as in the kernel
        linker.DefineFunction(env, "config_get", (long offset) => config(Text(offset)) is { } value ? Alloc(Encoding.UTF8.GetBytes(value)) : 0L);
        foreach (var (name, level) in new[] { ("log_debug", KernelLogLevel.Debug), ("log_info", KernelLogLevel.Info), ("log_warn", KernelLogLevel.Warn), ("log_error", KernelLogLevel.Error) })
            linker.DefineFunction(env, name, (long offset) => log(level, Text(offset)));

        foreach (var import in module.Imports.Where(i => i.ModuleName == "extism:host/user"))
        {
            var name = import.Name;
            linker.DefineFunction("extism:host/user", name, (long offset) => Alloc(callHost(name, Bytes(offset))));
        }
    }

    private long Alloc(byte[] bytes)
    {
        if (bytes.Length == 0) return 0; // the real kernel hands out no block for zero bytes
        var offset = next;
        next += bytes.Length;
        blocks[offset] = bytes;
        return offset;
    }

    private Span<byte> At(long offset, int length)
    {
        foreach (var (start, bytes) in blocks)
            if (offset >= start && offset + length <= start + bytes.Length) return bytes.AsSpan((int)(offset - start), length);
        throw new InvalidOperationException($"no kernel block holds {length} bytes at {offset}");
    }

    /// <summary>A whole block's bytes; offset 0 (what alloc gives for zero bytes) is empty.</summary>
    private byte[] Bytes(long offset) =>
        offset == 0 ? [] : blocks.TryGetValue(offset, out var bytes) ? bytes.ToArray() : throw new InvalidOperationException($"no kernel block starts at {offset}");

    private string Text(long offset) => Encoding.UTF8.GetString(Bytes(offset));
}
