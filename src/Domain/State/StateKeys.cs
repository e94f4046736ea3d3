namespace Navidrome.DiscordPresence.Domain.State;

/// <summary>
/// Where each part of a user's state is stored, who reads it and who writes it. Navidrome runs calls concurrently
/// in fresh instances and its Cache and KVStore have no transactions, so every key has one kind of writer (or is
/// guarded by the connection generation in its name). A decision writes a part only when it changed it, through
/// the state-write effects the core emits first in its effect list (<see cref="StoredState.Writes"/>); what an input
/// reads is <see cref="InputNeeds"/>: an ACK and an unused dispatch read nothing, a SESSIONS_REPLACE (read while
/// yieldtootherapps is on) reads gw, a heartbeat timer reads gw, beat, ack and seq, every other input reads everything.
///
/// | key                  | store | written by                                                       | why a race cannot corrupt it |
/// |----------------------|-------|------------------------------------------------------------------|------------------------------|
/// | pb/{user}            | KV    | nd_scrobbler_playback_report                                      | Navidrome runs these calls on one worker, one at a time; a write lost for good leaves the previous playback until the player's next report, and the presence that report sent stays (sent's stamp) |
/// | np/{user}            | KV    | nd_scrobbler_now_playing                                          | one worker, one at a time; ignored on 0.62+ hosts |
/// | host                 | KV    | nd_scrobbler_playback_report                                      | one worker; the value only ever turns true |
/// | token/{user}         | KV    | the close/error callback of the user's current connection; an image registration's 401 (art timer); the first full call after the token changed removes it | not single-writer (issue 11); every writer writes the same verdict for the same token, and removal is idempotent |
/// | gw/{user}            | Cache | callbacks of the current connection (Hello, READY/RESUMED, op 1, op 9, a SESSIONS_REPLACE that changes what other players show, close, error); while no connection exists (Idle, Backoff) or the current one waited past its deadline, the call that won the lock on the next generation; a frame of a connection newer than the stored generation (its opening write was lost), which closes it and takes its generation | one connection's callbacks are sequential; ACKs and unused dispatches no longer write it; of the calls that read Idle or an overdue session, only the one whose connect:N:user schedule the host accepted writes the session and connects; a deadline is a minute or more past the last write of the waiting phase, so its recovery races only a callback that comes that late; a stray's Hello comes within the 31 s its lost opener holds connect:N:user, so no other call opens generation N meanwhile, and it claims N+1 like any opener |
/// | ack/{user}/{gen}     | Cache | ACKs and the Hello of connection {gen} only                       | one connection's callbacks are sequential, and the generation in the key keeps a late ACK of an old connection off the current one's |
/// | seq/{user}/{gen}     | Cache | dispatches (and op 9) of connection {gen} only                    | as ack; a new connection starts from the sequence gw carries over |
/// | beat/{user}          | Cache | heartbeat timers of the current connection                         | one first-beat and one recurring schedule per connection, never at once |
/// | sent/{user}          | Cache | any full call that sends a presence (playback, READY, flush, refresh) | a racing send may lose a window entry, but the window is kept by the presence slots (below), not by this count; a call never sends a presence composed from older playback than the one recorded here |
/// | gateway-url          | Cache | the call that looked the URL up; a failed connect removes it      | every writer writes Discord's answer; the worst case is one extra lookup |
/// | art/album/{album}    | Cache | the art lookup timer of any user showing that album               | racing writers write the same answer |
/// | art/fixed            | Cache | any art lookup that registered the logo or pause icon              | each writer adds what Discord answered; the worst case is one extra registration |
/// | art/blocked          | Cache | the art lookup that got a 429                                      | every writer writes a time Discord gave; a lost write only shortens the wait by one request |
/// | links/{track}        | Cache | the link lookup timer of any user showing that track              | racing writers write the same answer |
/// | song/{track id}      | Cache | the year-and-genre lookup timer of any user showing that track    | racing writers write the same answer |
///
/// Locks are schedule ids, the one test-and-set Navidrome offers: a one-time schedule whose id exists is refused
/// (GatewaySession.Claims.cs). connect:{gen}:{user} lives 31 s and admits one opener of a generation;
/// slot:{k}:{user}, k below SentPresence.Budget, lives 21 s and admits one presence update each, so at most Budget go
/// out per 20 s however many calls race. Their callbacks read and write nothing.
/// Playback is loaded before sent (StoredState's order): a call that read older playback than a racing report wrote
/// then sees that report's send in sent, and leaves it.
/// A read the host fails is not "no such key": the call stops (StoredRead, StateLoad) rather than decide from initial state.
/// A write the host fails is tried twice more at once (the same writer, the same value), then named in one warning
/// (Interpreter.Persist); docs/discord-gateway.md, 'Failed sends and lost writes', says what a lost one costs.
///
/// ack and seq keys of ended connections are left to expire with the cache TTL: a few bytes per reconnect.
/// Art, link and song entries are shared by all users and carry their own expiry (the cache's sliding TTL alone would keep a
/// frequently read negative entry forever). Playback lives in the KV store so that a reload or restart can restore
/// the presence; the gateway session lives in the cache, which Navidrome wipes exactly when it closes the plugin's
/// sockets (reload), so the two never disagree.
/// </summary>
public static class StateKeys
{
    public static string Playback(string user) => "pb/" + user;
    public static string NowPlaying(string user) => "np/" + user;
    public const string Host = "host";
    public static string Token(string user) => "token/" + user;
    public static string Session(string user) => "gw/" + user;
    public static string Beat(string user) => "beat/" + user;
    public static string Ack(string user, int generation) => "ack/" + user + "/" + generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Sequence(string user, int generation) => "seq/" + user + "/" + generation.ToString(System.Globalization.CultureInfo.InvariantCulture);
    public static string Sent(string user) => "sent/" + user;
    public const string GatewayUrl = "gateway-url";
    public static string AlbumArt(string albumKey) => "art/album/" + albumKey;
    public const string FixedImages = "art/fixed";
    public const string ArtBlocked = "art/blocked";
    public static string Link(string linkKey) => "links/" + linkKey;
    public static string Song(string trackKey) => "song/" + trackKey;

    /// <summary>Cache entries live a week unless read (Navidrome's cache extends an entry's life on every read).</summary>
    public const int CacheTtlSeconds = 7 * 24 * 3600;
}
