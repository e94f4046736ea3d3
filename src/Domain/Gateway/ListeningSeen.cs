using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// The Listening activities (type 2) the user's Discord sessions show that are not ours, as READY's <c>sessions</c>
/// and a SESSIONS_REPLACE list them (docs/discord-gateway.md, "Other players"), each with its session's id. Read only
/// while <c>yieldtootherapps</c> is on: activities of our own application and the overall <c>all</c> session are
/// already left out, so what is left is another player's, unless it is on our own session (which the core knows).
/// </summary>
public sealed record ListeningSeen(EquatableArray<ListeningActivity> Activities)
{
    /// <summary>At most this many activities are kept from one frame (Discord lists at most 15 sessions).</summary>
    public const int MaxActivities = 16;

    /// <summary>Nobody else listening.</summary>
    public static readonly ListeningSeen Nothing = new([]);

    /// <summary>The name of another player's Listening activity on a session other than <paramref name="ownSessionId"/>; null when there is none.</summary>
    public string? OtherThan(string? ownSessionId)
    {
        foreach (var activity in Activities)
            if (activity.SessionId != ownSessionId) return activity.Name;
        return null;
    }
}

/// <summary>A Listening activity of another application, and the id of the session that shows it.</summary>
public sealed record ListeningActivity(string SessionId, string Name);
