using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Exports.Seam;

/// <summary>
/// The seam with one safety net: every log line and error message is scrubbed of the configured tokens before it
/// leaves the plugin. The core never puts a token in a message; this catches text the plugin does not control,
/// such as a host error that echoes a request.
/// </summary>
internal sealed class RedactingHost(IPluginHost inner, UserTokens tokens) : IPluginHost
{
    public byte[] ReadInput() => inner.ReadInput();
    public void WriteOutput(ReadOnlySpan<byte> utf8) => inner.WriteOutput(utf8);
    public void SetError(string message) => inner.SetError(Redact(message));
    public string? GetConfig(string key) => inner.GetConfig(key);
    public void Log(LogLevel level, string message) => inner.Log(level, Redact(message));
    public byte[] CallHost(string function, ReadOnlySpan<byte> requestJson) => inner.CallHost(function, requestJson);
    public long NowUnixMs() => inner.NowUnixMs();
    public double NextRandom() => inner.NextRandom();

    private string Redact(string message)
    {
        foreach (var token in tokens.All)
            if (token.Length > 0 && message.Contains(token, StringComparison.Ordinal)) message = message.Replace(token, "[token]", StringComparison.Ordinal);
        return message;
    }
}
