using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// Standing down for other players (<c>yieldtootherapps</c>, docs/discord-gateway.md, "Other players"): while one of
/// the user's other Discord sessions shows another application's Listening activity (Spotify, a desktop player with
/// its own Rich Presence), ours is cleared, so Discord never shows two at once; when that activity ends, ours is
/// what Navidrome's playback shows again.
/// </summary>
public static class StandDown
{
    /// <summary>The presence to show: <paramref name="ours"/>, or a clear one while another player's activity shows.</summary>
    public static PresenceUpdate Desired(PresenceUpdate ours, SessionState session, PluginConfig config) =>
        config.YieldToOtherApps && session.OtherPlayer is not null && !ours.IsClear ? PresenceUpdate.Clear(ours.Status) : ours;
}
