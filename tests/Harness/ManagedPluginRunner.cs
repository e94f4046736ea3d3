using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports;
using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Harness;

/// <summary>Runs the managed plugin in-process: each call gets its own seam object, nothing else is shared.</summary>
public sealed class ManagedPluginRunner : IPluginRunner
{
    /// <inheritdoc />
    public CallResult Call(string export, byte[] input, IHostServices host)
    {
        var seam = new CallSeam(input, host);
        var code = PluginEntry.Invoke(export, seam);
        return new CallResult(code, seam.Output, seam.Error);
    }

    private sealed class CallSeam(byte[] input, IHostServices host) : IPluginHost
    {
        public byte[] Output { get; private set; } = [];
        public string? Error { get; private set; }

        public byte[] ReadInput() => input;
        public void WriteOutput(ReadOnlySpan<byte> utf8) => Output = utf8.ToArray();
        public void SetError(string message) => Error = message;
        public string? GetConfig(string key) => host.GetConfig(key);
        public void Log(LogLevel level, string message) => host.Log(level, message);
        public byte[] CallHost(string function, ReadOnlySpan<byte> requestJson) => host.CallHost(function, requestJson.ToArray());
        public long NowUnixMs() => host.NowUnixMs();
        public double NextRandom() => host.NextRandom();
    }
}
