using System.Text.Json;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Exports.Discord;

/// <summary>
/// Writes the core's gateway frames as Discord's JSON. This is the one place a token enters a frame: identify and
/// resume carry only a username until here. The text goes straight to the WebSocket; it is never logged.
/// </summary>
public static class GatewayWire
{
    /// <summary>The frame's JSON text, or null when it needs a token the config does not hold for its user.</summary>
    public static string? Serialize(GatewayFrame frame, Func<string, string?> tokenOf) => frame switch
    {
        GatewayFrame.Heartbeat h => JsonSerializer.Serialize(new HeartbeatFrame(h.Sequence), GatewayJson.Default.HeartbeatFrame),
        GatewayFrame.UpdatePresence p => JsonSerializer.Serialize(new PresenceFrame(Presence(p.Presence)), GatewayJson.Default.PresenceFrame),
        GatewayFrame.Identify i => tokenOf(i.User) is { } token
            ? JsonSerializer.Serialize(new IdentifyFrame(new IdentifyData(token, ClientProperties.Desktop, Presence(i.Presence))), GatewayJson.Default.IdentifyFrame)
            : null,
        GatewayFrame.Resume r => tokenOf(r.User) is { } token
            ? JsonSerializer.Serialize(new ResumeFrame(new ResumeData(token, r.SessionId, r.Sequence)), GatewayJson.Default.ResumeFrame)
            : null,
        _ => throw new System.Diagnostics.UnreachableException(frame.GetType().Name),
    };

    private static PresenceData Presence(PresenceUpdate presence) =>
        new(presence.Since, [.. presence.Activities.Select(Activity)], presence.Status, presence.Afk);

    private static ActivityData Activity(Activity a) => new(
        a.Name, a.Type, a.Details, a.DetailsUrl, a.State, a.StateUrl, a.ApplicationId, a.StatusDisplayType,
        a.Timestamps is { } t ? new TimestampsData(t.Start, t.End) : null,
        a.Assets is { } s ? new AssetsData(s.LargeImage, s.LargeText, s.LargeUrl, s.SmallImage, s.SmallText) : null,
        a.Buttons is { } b ? (b.Second is { } second ? [b.First.Label, second.Label] : [b.First.Label]) : null,
        a.Buttons is { } u ? new MetadataData(u.Second is { } next ? [u.First.Url, next.Url] : [u.First.Url]) : null);
}
