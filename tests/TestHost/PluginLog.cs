using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>One line the plugin logged, at a scenario-relative virtual time.</summary>
public sealed record PluginLogLine(long ElapsedMs, LogLevel Level, string Message);

/// <summary>One export call and how it ended (Navidrome logs failures and carries on).</summary>
public sealed record PluginCallRecord(long ElapsedMs, string Export, string Input, int ReturnCode, string? Error, double WallMs)
{
    public bool Succeeded => Error is null && ReturnCode == 0;
}
