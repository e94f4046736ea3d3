using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Exports.Seam;

/// <summary>
/// The seam with one safety net: every log line and error message is scrubbed of the tokens this call has read
/// (<see cref="Learn"/>) before it leaves the plugin. The core never puts a token in a message; this catches text
/// the plugin does not control, such as a host error that echoes a request, or an exception's message. A call
/// reads the config lazily, so the tokens arrive after the host is made; before that, no token has been read.
/// </summary>
internal sealed class RedactingHost(IPluginHost inner) : IPluginHost
{
    private UserTokens tokens = UserTokens.None;

    /// <summary>Scrubs <paramref name="read"/> from now on (the tokens a config read held; they include the earlier ones).</summary>
    public void Learn(UserTokens read) => tokens = read;

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
