namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>
/// What Discord shows for a user, session by session. A session ends at once when its connection closes with
/// 1000/1001 (or Discord invalidates it); a connection that ends any other way leaves it active "and timeout after a
/// few minutes" (Discord docs, Gateway, "Initiating a Disconnect"; discord.food says the same and adds that a session
/// whose replay buffer overfills is invalidated). Until then it can be resumed and keeps showing its last presence;
/// after that a resume is answered with op 9 and the presence is gone.
/// </summary>
public sealed partial class FakeDiscord
{
    /// <summary>
    /// How long a session nobody resumed outlives its last connection. The docs give no number ("a few minutes");
    /// two minutes, as in the concurrency simulation's MemoryDiscord, and shorter than a chaos run's quiet tail, so a
    /// session the plugin lost track of has expired before the verdict, as it would have in Discord.
    /// </summary>
    public const long SessionTimeoutMs = 120_000;

    /// <summary>Whether Discord still holds <paramref name="session"/>: valid, and on an open connection or left less than <see cref="SessionTimeoutMs"/> ago.</summary>
    private bool IsAlive(DiscordSession session)
    {
        if (!session.Valid) return false;
        var carriers = Connections.Where(c => c.Session == session).ToList();
        if (carriers.Any(c => c.IsOpen)) return true;
        var left = carriers.Select(c => c.End?.AtElapsedMs ?? 0).DefaultIfEmpty(0).Max();
        return _clock.ElapsedMs < left + SessionTimeoutMs;
    }

    /// <summary>
    /// What Discord shows for <paramref name="user"/> now: the last presence of each session it still holds, oldest
    /// first (Discord shows every session's activities); empty when the user is offline.
    /// </summary>
    public IReadOnlyList<PresenceRecord> Shown(string user)
    {
        var presences = Presences;
        var connections = Connections;
        return [.. connections
            .Where(c => c.User == user && c.Session is not null)
            .Select(c => c.Session!)
            .Distinct()
            .Where(IsAlive)
            .Select(s => presences.LastOrDefault(p => connections.Any(c => c.Number == p.ConnectionNumber && c.Session == s)))
            .OfType<PresenceRecord>()
            .OrderBy(p => p.AtElapsedMs)];
    }
}
