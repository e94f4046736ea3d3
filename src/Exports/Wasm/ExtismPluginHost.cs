using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Seam;
using static Navidrome.DiscordPresence.Exports.Wasm.ExtismImports;

namespace Navidrome.DiscordPresence.Exports.Wasm;

/// <summary>
/// The seam inside plugin.wasm: Extism-kernel memory blocks for input, output, errors, config and logs, and
/// Navidrome's <c>extism:host/user</c> functions for everything else. One instance serves one export call.
/// </summary>
internal sealed class ExtismPluginHost : IPluginHost
{
    public byte[] ReadInput()
    {
        var bytes = new byte[checked((int)InputLength())];
        var whole = bytes.Length & ~7;
        for (var i = 0; i < whole; i += 8) BitConverter.TryWriteBytes(bytes.AsSpan(i), InputLoadU64(i));
        for (var i = whole; i < bytes.Length; i++) bytes[i] = InputLoadU8(i);
        return bytes;
    }

    // The host reads the output and error blocks after the export returns, so neither is freed here.
    public void WriteOutput(ReadOnlySpan<byte> utf8) => OutputSet(Store(utf8), utf8.Length);

    // The kernel gives no block for zero bytes, and error_set(0) clears the error: never send an empty message.
    public void SetError(string message) => ErrorSet(Store(Encoding.UTF8.GetBytes(message.Length > 0 ? message : "failed")));

    public string? GetConfig(string key)
    {
        var keyBlock = Store(Encoding.UTF8.GetBytes(key));
        var valueBlock = ConfigGet(keyBlock);
        Free(keyBlock);
        return valueBlock == 0 ? null : Encoding.UTF8.GetString(Take(valueBlock));
    }

    public void Log(LogLevel level, string message)
    {
        var block = Store(Encoding.UTF8.GetBytes(message));
        switch (level)
        {
            case LogLevel.Debug: LogDebug(block); break;
            case LogLevel.Info: LogInfo(block); break;
            case LogLevel.Warn: LogWarn(block); break;
            case LogLevel.Error: LogError(block); break;
            default: throw new ArgumentOutOfRangeException(nameof(level), level, null);
        }
        Free(block);
    }

    public byte[] CallHost(string function, ReadOnlySpan<byte> requestJson)
    {
        if (UserFunction(function) is not { } call)
            return Encoding.UTF8.GetBytes($$"""{"error":"host function {{function}} is not imported by plugin.wasm"}""");
        var request = Store(requestJson);
        var response = call(request);
        Free(request);
        return response == 0 ? [] : Take(response);
    }

    public long NowUnixMs() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>
    /// 53 random bits from one WASI random_get, as a double in [0, 1). Read on every call: a seeded generator would have
    /// its seed frozen into every instance by the build-time snapshot.
    /// </summary>
    public double NextRandom()
    {
        Span<byte> bytes = stackalloc byte[8];
        if (RandomGet(ref bytes[0], bytes.Length) != 0) throw new InvalidOperationException("WASI random_get failed");
        return (BitConverter.ToUInt64(bytes) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Copies bytes into a new kernel block and returns its offset.</summary>
    private static long Store(ReadOnlySpan<byte> bytes)
    {
        var block = Alloc(bytes.Length);
        var whole = bytes.Length & ~7;
        for (var i = 0; i < whole; i += 8) StoreU64(block + i, BitConverter.ToInt64(bytes[i..]));
        for (var i = whole; i < bytes.Length; i++) StoreU8(block + i, bytes[i]);
        return block;
    }

    /// <summary>Reads a kernel block the host handed over, then frees it.</summary>
    private static byte[] Take(long block)
    {
        var bytes = new byte[checked((int)Length(block))];
        var whole = bytes.Length & ~7;
        for (var i = 0; i < whole; i += 8) BitConverter.TryWriteBytes(bytes.AsSpan(i), LoadU64(block + i));
        for (var i = whole; i < bytes.Length; i++) bytes[i] = LoadU8(block + i);
        Free(block);
        return bytes;
    }
}
