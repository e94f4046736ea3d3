using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Song;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>Navidrome's two stores: the KV store (persistent) and the cache (wiped on reload).</summary>
public enum Store { Kv, Cache }

/// <summary>One stored key.</summary>
public readonly record struct StoreKey(Store Store, string Key);

/// <summary>
/// A user's state as stored text, both ways, pure: <see cref="Load"/> assembles the parts an input needs from a
/// reader of stored text, and <see cref="Writes"/> turns a decision's changes into the state-write effects the core
/// emits (the one way state is written). A stored part that cannot be decoded is reported and replaced by its
/// initial value, so one bad entry never stops the plugin; a read the host failed stops the load instead
/// (<see cref="StoredRead"/>), because deciding from a made-up initial value does harm.
/// </summary>
public static class StoredState
{
    private static StateJson Json => StateJson.Default;

    // Loaded in this order: playback before sent, so what was sent is at least as new as the playback read
    // (a presence composed from older playback than the last one sent is never sent, GatewaySession.IsWanted).
    private static readonly ISlot[] Slots =
    [
        new Slot<PlaybackState>(StatePart.Playback, Store.Kv, StateKeys.Playback, Json.PlaybackState, s => s.Playback, (s, v) => s with { Playback = v }),
        new Slot<NowPlayingState>(StatePart.NowPlaying, Store.Kv, StateKeys.NowPlaying, Json.NowPlayingState, s => s.NowPlaying, (s, v) => s with { NowPlaying = v }),
        new Slot<HostFacts>(StatePart.Host, Store.Kv, _ => StateKeys.Host, Json.HostFacts, s => s.Host, (s, v) => s with { Host = v }),
        new Slot<TokenVerdict>(StatePart.Token, Store.Kv, StateKeys.Token, Json.TokenVerdict, s => s.Token, (s, v) => s with { Token = v }),
        new Slot<SessionState>(StatePart.Session, Store.Cache, StateKeys.Session, Json.SessionState, s => s.Session, (s, v) => s with { Session = v }),
        new Slot<BeatState>(StatePart.Beat, Store.Cache, StateKeys.Beat, Json.BeatState, s => s.Beat, (s, v) => s with { Beat = v }),
        new Slot<SentPresence>(StatePart.Sent, Store.Cache, StateKeys.Sent, Json.SentPresence, s => s.Sent, (s, v) => s with { Sent = v }),
    ];

    /// <summary>
    /// The <paramref name="parts"/> of <paramref name="user"/>'s state read through <paramref name="stored"/>; the rest
    /// initial. What was heard is read for the loaded session's connection; the art entry and the
    /// <paramref name="wanted"/> link and song entries for the track <paramref name="inFocus"/> names once the rest is
    /// known. Undecodable entries are named to <paramref name="unreadable"/> and start afresh; the first read the host
    /// fails ends the load, unavailable.
    /// </summary>
    public static StateLoad Load(
        string user, StatePart parts, Func<StoreKey, StoredRead> stored,
        Func<UserState, Track?> inFocus, TrackEntries wanted, Action<string, string> unreadable)
    {
        var reader = new Reader(stored);
        var read = reader.Read;
        var state = UserState.Initial;
        foreach (var slot in Slots)
        {
            if ((parts & slot.Part) != 0) state = slot.Load(state, user, read, unreadable);
            if (reader.Failure is { } failed) return failed;
        }
        if ((parts & StatePart.Received) != 0) state = state with { Received = LoadReceived(user, state.Session.Generation, read) };
        if ((parts & StatePart.GatewayUrl) != 0) state = state with { GatewayUrl = read(new(Store.Cache, StateKeys.GatewayUrl)) };
        if ((parts & StatePart.Art) != 0)
        {
            var fixedImages = Decode(read, new(Store.Cache, StateKeys.FixedImages), Json.FixedImages, unreadable) ?? FixedImages.None;
            var blocked = long.TryParse(read(new(Store.Cache, StateKeys.ArtBlocked)), CultureInfo.InvariantCulture, out var until) ? until : 0;
            state = state with { Art = state.Art with { Fixed = fixedImages, BlockedUntilMs = blocked } };
        }
        if (reader.Failure is { } failure) return failure;
        if ((parts & (StatePart.Art | StatePart.Links | StatePart.Song)) == 0 || inFocus(state) is not { } track) return new StateLoad.Loaded(state);
        if ((parts & StatePart.Art) != 0 && AlbumKey.Of(track) is { } album)
            state = state with { Art = state.Art with { AlbumKey = album, Album = Decode(read, new(Store.Cache, StateKeys.AlbumArt(album)), Json.AlbumArt, unreadable) } };
        if ((parts & StatePart.Links) != 0 && wanted.Links && SpotifyLinks.KeyOf(track) is { } link)
            state = state with { Links = new LinkView(link, Decode(read, new(Store.Cache, StateKeys.Link(link)), Json.SpotifyLink, unreadable)) };
        if ((parts & StatePart.Song) != 0 && wanted.Song && SongLookup.KeyOf(track) is { } song)
            state = state with { Song = new SongFactsView(song, Decode(read, new(Store.Cache, StateKeys.Song(song)), Json.SongFacts, unreadable)) };
        return reader.Failure ?? (StateLoad)new StateLoad.Loaded(state);
    }

    /// <summary>Reads text, remembering the first failed read; after one, reads nothing more.</summary>
    private sealed class Reader(Func<StoreKey, StoredRead> stored)
    {
        public StateLoad.Unavailable? Failure { get; private set; }

        public string? Read(StoreKey key)
        {
            if (Failure is not null) return null;
            var result = stored(key);
            if (result.Error is { } error) Failure = new StateLoad.Unavailable(key.Key, error);
            return result.Text;
        }
    }

    /// <summary>
    /// The writes that take stored state from <paramref name="before"/> to <paramref name="after"/>: only parts that
    /// changed, a part back at its initial value removed. Not what a connection heard: the decision that hears it
    /// writes it (<see cref="AckWrite"/>, <see cref="SequenceWrite"/>), whatever was stored before.
    /// </summary>
    public static EquatableArray<Effect> Writes(string user, UserState before, UserState after)
    {
        if (before == after) return [];
        var writes = new List<Effect>();
        foreach (var slot in Slots) slot.Write(before, after, user, writes);

        if (before.GatewayUrl != after.GatewayUrl) writes.Add(Put(Store.Cache, StateKeys.GatewayUrl, after.GatewayUrl));
        var (old, art) = (before.Art, after.Art);
        if (art.AlbumKey is { } album && art.Album is { } entry && (old.Album != entry || old.AlbumKey != album))
            writes.Add(Put(Store.Cache, StateKeys.AlbumArt(album), JsonSerializer.Serialize(entry, Json.AlbumArt)));
        if (old.Fixed != art.Fixed)
            writes.Add(Put(Store.Cache, StateKeys.FixedImages, JsonSerializer.Serialize(art.Fixed, Json.FixedImages)));
        if (old.BlockedUntilMs != art.BlockedUntilMs)
            writes.Add(Put(Store.Cache, StateKeys.ArtBlocked, art.BlockedUntilMs.ToString(CultureInfo.InvariantCulture)));
        if (after.Links is { TrackKey: { } key, Link: { } link } && before.Links.Link != link)
            writes.Add(Put(Store.Cache, StateKeys.Link(key), JsonSerializer.Serialize(link, Json.SpotifyLink)));
        if (after.Song is { TrackKey: { } track, Facts: { } facts } && before.Song.Facts != facts)
            writes.Add(Put(Store.Cache, StateKeys.Song(track), JsonSerializer.Serialize(facts, Json.SongFacts)));
        return [.. writes];
    }

    /// <summary>Records that connection <paramref name="generation"/> of <paramref name="user"/> heard an ACK (or its Hello) at <paramref name="atMs"/>.</summary>
    public static Effect AckWrite(string user, int generation, long atMs) =>
        Put(Store.Cache, StateKeys.Ack(user, generation), atMs.ToString(CultureInfo.InvariantCulture));

    /// <summary>Records the last sequence number connection <paramref name="generation"/> heard; null forgets it (a new session).</summary>
    public static Effect SequenceWrite(string user, int generation, long? sequence) =>
        Put(Store.Cache, StateKeys.Sequence(user, generation), sequence?.ToString(CultureInfo.InvariantCulture));

    /// <summary>True for the effects that write stored state.</summary>
    public static bool IsWrite(Effect effect) => effect is Effect.CacheSet or Effect.CacheRemove or Effect.KvSet or Effect.KvDelete;

    private static Received LoadReceived(string user, int generation, Func<StoreKey, string?> read)
    {
        var ack = long.TryParse(read(new(Store.Cache, StateKeys.Ack(user, generation))), CultureInfo.InvariantCulture, out var at) ? at : 0;
        long? sequence = long.TryParse(read(new(Store.Cache, StateKeys.Sequence(user, generation))), CultureInfo.InvariantCulture, out var s) ? s : null;
        return new Received(generation, ack, sequence);
    }

    private static Effect Put(Store store, string key, string? value) => (store, value) switch
    {
        (Store.Kv, null) => new Effect.KvDelete(key),
        (Store.Kv, _) => new Effect.KvSet(key, value),
        (Store.Cache, null) => new Effect.CacheRemove(key),
        (Store.Cache, _) => new Effect.CacheSet(key, value, StateKeys.CacheTtlSeconds),
        _ => throw new System.Diagnostics.UnreachableException(store.ToString()),
    };

    private static T? Decode<T>(Func<StoreKey, string?> read, StoreKey key, JsonTypeInfo<T> json, Action<string, string> unreadable) where T : class
    {
        if (read(key) is not { } text) return null;
        try
        {
            return JsonSerializer.Deserialize(text, json);
        }
        catch (JsonException e)
        {
            unreadable(key.Key, e.Message);
            return null;
        }
    }

    private interface ISlot
    {
        StatePart Part { get; }
        UserState Load(UserState state, string user, Func<StoreKey, string?> read, Action<string, string> unreadable);
        void Write(UserState before, UserState after, string user, List<Effect> writes);
    }

    private sealed class Slot<T>(StatePart part, Store store, Func<string, string> key, JsonTypeInfo<T> json, Func<UserState, T> get, Func<UserState, T, UserState> set) : ISlot
        where T : class
    {
        public StatePart Part => part;

        public UserState Load(UserState state, string user, Func<StoreKey, string?> read, Action<string, string> unreadable) =>
            Decode(read, new StoreKey(store, key(user)), json, unreadable) is { } value ? set(state, value) : state;

        public void Write(UserState before, UserState after, string user, List<Effect> writes)
        {
            var value = get(after);
            if (Equals(get(before), value)) return;
            writes.Add(Put(store, key(user), Equals(value, get(UserState.Initial)) ? null : JsonSerializer.Serialize(value, json)));
        }
    }
}
