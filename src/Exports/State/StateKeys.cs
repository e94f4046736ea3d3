namespace Navidrome.DiscordPresence.Exports.State;

/// <summary>
/// Where each part of a user's state is stored, and who writes it. Navidrome runs calls concurrently in fresh
/// instances and its Cache and KVStore have no transactions, so every key has one kind of writer; the store
/// writes a part back only when the decision changed it (src/Domain/UserState.cs).
///
/// | key                  | store | written by                                                       | why a race cannot corrupt it |
/// |----------------------|-------|------------------------------------------------------------------|------------------------------|
/// | pb/{user}            | KV    | nd_scrobbler_playback_report                                      | Navidrome runs these calls on one worker, one at a time |
/// | np/{user}            | KV    | nd_scrobbler_now_playing                                          | one worker, one at a time; ignored on 0.62+ hosts |
/// | host                 | KV    | nd_scrobbler_playback_report                                      | one worker; the value only ever turns true |
/// | token/{user}         | KV    | the close/error callback of the user's current connection; the first call after the token changed removes it | callbacks of one connection are sequential; removal is idempotent |
/// | gw/{user}            | Cache | callbacks of the current connection; while no connection exists (Idle, Backoff), the call that opens the next one | one connection's callbacks are sequential; two openers compute the same next connection id and the host refuses the second |
/// | beat/{user}          | Cache | heartbeat timers of the current connection                         | one recurring schedule per connection; ACKs are recorded in gw/{user}, not here |
/// | sent/{user}          | Cache | any call that sends a presence (playback, READY, flush)            | a racing send may lose a window entry: the core allows 4 per 20 s, one under Discord's 5 |
/// | gateway-url          | Cache | the call that looked the URL up; a failed connect removes it      | every writer writes Discord's answer; the worst case is one extra lookup |
/// | art/album/{album}    | Cache | the art lookup timer of any user showing that album               | one lookup per album at a time (its timer id is the lock); racing writers write the same answer |
/// | art/fixed            | Cache | any art lookup that registered the logo or pause icon              | each writer adds what Discord answered; the worst case is one extra registration |
/// | art/blocked          | Cache | the art lookup that got a 429                                      | every writer writes a time Discord gave; a lost write only shortens the wait by one request |
/// | links/{track}        | Cache | the link lookup timer of any user showing that track              | one lookup per track at a time (timer id); racing writers write the same answer |
///
/// Art entries are shared by all users and carry their own expiry (the cache's sliding TTL alone would keep a
/// frequently read negative entry forever). Playback lives in the KV store so that a reload or restart can restore the presence; the gateway session lives
/// in the cache, which Navidrome wipes exactly when it closes the plugin's sockets (reload), so the two never disagree.
/// </summary>
internal static class StateKeys
{
    public static string Playback(string user) => "pb/" + user;
    public static string NowPlaying(string user) => "np/" + user;
    public const string Host = "host";
    public static string Token(string user) => "token/" + user;
    public static string Session(string user) => "gw/" + user;
    public static string Beat(string user) => "beat/" + user;
    public static string Sent(string user) => "sent/" + user;
    public const string GatewayUrl = "gateway-url";
    public static string AlbumArt(string albumKey) => "art/album/" + albumKey;
    public const string FixedImages = "art/fixed";
    public const string ArtBlocked = "art/blocked";
    public static string Link(string linkKey) => "links/" + linkKey;

    /// <summary>Cache entries live a week unless read (Navidrome's cache extends an entry's life on every read).</summary>
    public const long CacheTtlSeconds = 7 * 24 * 3600;
}
