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
        new ArtPart(),
    ];

    /// <summary>
    /// The user's stored state; missing parts are initial. The art and link entries of one track are loaded too:
    /// the track <paramref name="inFocus"/> names once the rest of the state is known (links only when wanted).
    /// </summary>
    public UserState Load(string user, Func<UserState, Domain.Playback.Track?> inFocus, bool wantLinks)
    {
        var state = UserState.Initial;
        foreach (var part in Parts) state = part.Load(state, user, this);
        if (inFocus(state) is not { } track) return state;
        if (Domain.Artwork.AlbumKey.Of(track) is { } album)
            state = state with { Art = state.Art with { AlbumKey = album, Album = Read(Where.Cache, StateKeys.AlbumArt(album), Json.AlbumArt) } };
        if (wantLinks && Domain.Artwork.SpotifyLinks.KeyOf(track) is { } link)
            state = state with { Links = new Domain.Artwork.LinkView(link, Read(Where.Cache, StateKeys.Link(link), Json.SpotifyLink)) };
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

    private T? Read<T>(Where where, string key, JsonTypeInfo<T> json) where T : class
    {
        var text = Get(where, key);
        if (text is null) return null;
        try
        {
            return JsonSerializer.Deserialize(text, json);
        }
        catch (JsonException e)
        {
            Log(LogLevel.Warn, $"stored state '{key}' is unreadable ({e.Message}); starting it afresh");
            return null;
        }
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
        public UserState Load(UserState state, string user, StateStore store) =>
            store.Read(where, key(user), json) is { } value ? set(state, value) : state;

        public void SaveIfChanged(UserState before, UserState after, string user, StateStore store)
        {
            var value = get(after);
            if (Equals(get(before), value)) return;
            store.Put(where, key(user), Equals(value, get(UserState.Initial)) ? null : JsonSerializer.Serialize(value, json));
        }
    }

    /// <summary>Art and link entries are shared by every user: the album in focus, the fixed images, the 429 block, the track's link.</summary>
    private sealed class ArtPart : IStatePart
    {
        public UserState Load(UserState state, string user, StateStore store)
        {
            var fixedImages = store.Read(Where.Cache, StateKeys.FixedImages, Json.FixedImages) ?? Domain.Artwork.FixedImages.None;
            var blocked = long.TryParse(store.Get(Where.Cache, StateKeys.ArtBlocked), out var until) ? until : 0;
            return state with { Art = state.Art with { Fixed = fixedImages, BlockedUntilMs = blocked } };
        }

        public void SaveIfChanged(UserState before, UserState after, string user, StateStore store)
        {
            var (old, art) = (before.Art, after.Art);
            if (art.AlbumKey is { } album && art.Album is { } entry && (old.Album != entry || old.AlbumKey != album))
                store.Put(Where.Cache, StateKeys.AlbumArt(album), JsonSerializer.Serialize(entry, Json.AlbumArt));
            if (old.Fixed != art.Fixed)
                store.Put(Where.Cache, StateKeys.FixedImages, JsonSerializer.Serialize(art.Fixed, Json.FixedImages));
            if (old.BlockedUntilMs != art.BlockedUntilMs)
                store.Put(Where.Cache, StateKeys.ArtBlocked, art.BlockedUntilMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (after.Links is { TrackKey: { } key, Link: { } link } && before.Links.Link != link)
                store.Put(Where.Cache, StateKeys.Link(key), JsonSerializer.Serialize(link, Json.SpotifyLink));
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
