using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Host;

namespace Navidrome.DiscordPresence.Exports.State;

/// <summary>
/// Loads a user's state from the host's KV store and cache, and writes back the parts a decision changed
/// (keys and writers: <see cref="StateKeys"/>). A stored part that cannot be read is logged once and replaced by
/// its initial value, so one bad entry never stops the plugin.
/// </summary>
internal sealed class StateStore(HostFunctions host, Action<LogLevel, string> log)
{
    private static StateJson Json => StateJson.Default;

    private static readonly IStatePart[] Parts =
    [
        new Part<Domain.Playback.PlaybackState>(Where.Kv, StateKeys.Playback, Json.PlaybackState, s => s.Playback, (s, v) => s with { Playback = v }),
        new Part<Domain.Playback.NowPlayingState>(Where.Kv, StateKeys.NowPlaying, Json.NowPlayingState, s => s.NowPlaying, (s, v) => s with { NowPlaying = v }),
        new Part<Domain.Playback.HostFacts>(Where.Kv, _ => StateKeys.Host, Json.HostFacts, s => s.Host, (s, v) => s with { Host = v }),
        new Part<Domain.Gateway.TokenVerdict>(Where.Kv, StateKeys.Token, Json.TokenVerdict, s => s.Token, (s, v) => s with { Token = v }),
        new Part<Domain.Gateway.SessionState>(Where.Cache, StateKeys.Session, Json.SessionState, s => s.Session, (s, v) => s with { Session = v }),
        new Part<Domain.Gateway.BeatState>(Where.Cache, StateKeys.Beat, Json.BeatState, s => s.Beat, (s, v) => s with { Beat = v }),
        new Part<Domain.Gateway.SentPresence>(Where.Cache, StateKeys.Sent, Json.SentPresence, s => s.Sent, (s, v) => s with { Sent = v }),
        new GatewayUrlPart(),
    ];

    /// <summary>The user's stored state; missing parts are initial.</summary>
    public UserState Load(string user)
    {
        var state = UserState.Initial;
        foreach (var part in Parts) state = part.Load(state, user, this);
        return state;
    }

    /// <summary>Writes the parts that differ between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public void Save(string user, UserState before, UserState after)
    {
        if (before == after) return;
        foreach (var part in Parts) part.SaveIfChanged(before, after, user, this);
    }

    private void Log(LogLevel level, string message) => log(level, message);

    private string? Get(Where where, string key)
    {
        var (value, error) = where == Where.Kv ? host.KvGet(key) : host.CacheGetString(key);
        if (error is not null) log(LogLevel.Warn, $"could not read stored state '{key}': {error}");
        return value;
    }

    private void Put(Where where, string key, string? value)
    {
        var error = (where, value) switch
        {
            (Where.Kv, null) => host.KvDelete(key),
            (Where.Kv, _) => host.KvSet(key, value),
            (Where.Cache, null) => host.CacheRemove(key),
            (Where.Cache, _) => host.CacheSetString(key, value, StateKeys.CacheTtlSeconds),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
        if (error is not null) log(LogLevel.Warn, $"could not store state '{key}': {error}");
    }

    private enum Where { Kv, Cache }

    private interface IStatePart
    {
        UserState Load(UserState state, string user, StateStore store);
        void SaveIfChanged(UserState before, UserState after, string user, StateStore store);
    }

    private sealed class Part<T>(Where where, Func<string, string> key, JsonTypeInfo<T> json, Func<UserState, T> get, Func<UserState, T, UserState> set) : IStatePart
        where T : class
    {
        public UserState Load(UserState state, string user, StateStore store)
        {
            var text = store.Get(where, key(user));
            if (text is null) return state;
            try
            {
                return JsonSerializer.Deserialize(text, json) is { } value ? set(state, value) : state;
            }
            catch (JsonException e)
            {
                store.Log(LogLevel.Warn, $"stored state '{key(user)}' is unreadable ({e.Message}); starting it afresh");
                return state;
            }
        }

        public void SaveIfChanged(UserState before, UserState after, string user, StateStore store)
        {
            var value = get(after);
            if (Equals(get(before), value)) return;
            store.Put(where, key(user), Equals(value, get(UserState.Initial)) ? null : JsonSerializer.Serialize(value, json));
        }
    }

    /// <summary>The gateway URL is shared by every user and stored as plain text.</summary>
    private sealed class GatewayUrlPart : IStatePart
    {
        public UserState Load(UserState state, string user, StateStore store) =>
            state with { GatewayUrl = store.Get(Where.Cache, StateKeys.GatewayUrl) };

        public void SaveIfChanged(UserState before, UserState after, string user, StateStore store)
        {
            if (before.GatewayUrl != after.GatewayUrl) store.Put(Where.Cache, StateKeys.GatewayUrl, after.GatewayUrl);
        }
    }
}
