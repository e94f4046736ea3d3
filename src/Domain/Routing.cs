using Navidrome.DiscordPresence.Domain.Gateway;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>Which user an input concerns, so the shell loads only that user's state.</summary>
public static class Routing
{
    /// <summary>The user an input is about, or null when it is not ours (a foreign id).</summary>
    public static string? UserOf(Input input) => input switch
    {
        Input.PlaybackReported p => p.User,
        Input.NowPlayingReported n => n.User,
        Input.TimerFired t => GatewayIds.TryParseSchedule(t.ScheduleId, out _, out _, out var user) ? user : null,
        Input.Claimed c => GatewayIds.TryParseSchedule(c.ScheduleId, out _, out _, out var user) ? user : null,
        Input.ScheduleFailed s => GatewayIds.TryParseSchedule(s.ScheduleId, out _, out _, out var user) ? user : null,
        Input.FrameReceived f => ConnectionUser(f.ConnectionId),
        Input.SocketClosed c => ConnectionUser(c.ConnectionId),
        Input.SocketFailed f => ConnectionUser(f.ConnectionId),
        Input.ConnectFailed c => ConnectionUser(c.ConnectionId),
        Input.SendFailed s => ConnectionUser(s.ConnectionId),
        Input.HttpAnswered h => HttpTags.TryParse(h.Tag, out _, out _, out var user) ? user : null,
        Input.ArtworkAnswered a => HttpTags.TryParse(a.Tag, out _, out _, out var user) ? user : null,
        Input.SubsonicAnswered s => HttpTags.TryParse(s.Tag, out _, out _, out var user) ? user : null,
        _ => throw new System.Diagnostics.UnreachableException(input.GetType().Name),
    };

    private static string? ConnectionUser(string connectionId) =>
        GatewayIds.TryParseConnection(connectionId, out var user, out _) ? user : null;
}
