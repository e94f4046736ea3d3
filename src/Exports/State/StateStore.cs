using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Host;

namespace Navidrome.DiscordPresence.Exports.State;

/// <summary>
/// Reads the parts of a user's state an input needs from the host's KV store and cache (what to read and how to
/// decode it: <see cref="StoredState.Load"/>). There is no save here: state is written by the core's state-write
/// effects, which the interpreter carries out like any other.
/// </summary>
internal sealed class StateStore(HostFunctions host, Action<LogLevel, string> log)
{
    /// <summary>The <paramref name="parts"/> of the user's stored state, the rest initial; or the key the host failed to read.</summary>
    public StateLoad Load(string user, StatePart parts, Func<UserState, Domain.Playback.Track?> inFocus, TrackEntries wanted) =>
        StoredState.Load(user, parts, Get, inFocus, wanted,
            (key, problem) => log(LogLevel.Warn, $"stored state '{key}' is unreadable ({problem}); starting it afresh"));

    /// <summary>Attempts per read: the failures a read meets (a locked SQLite database behind the KV store, a busy
    /// host) clear in milliseconds, and a read that still fails drops the whole call.</summary>
    public const int ReadAttempts = 3;

    private StoredRead Get(StoreKey key)
    {
        string? error = null;
        for (var attempt = 0; attempt < ReadAttempts; attempt++)
        {
            (var value, error) = key.Store == Store.Kv ? host.KvGet(key.Key) : host.CacheGetString(key.Key);
            if (error is null) return StoredRead.Of(value);
        }
        return StoredRead.Failed(error!);
    }
}
