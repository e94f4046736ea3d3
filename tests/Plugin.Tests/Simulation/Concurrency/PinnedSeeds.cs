using Xunit;
using Xunit.Sdk;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// Cases the concurrency simulation found, pinned by seed and event sequence (the line a failing property prints).
/// Each theory names the fault it shows; while main still has it, the theory is skipped with the race's name.
/// Replay one with its trace: <c>DRP_SIM_CASE="seed|faults|events"</c> and the Explorer's Trace test.
/// </summary>
public class PinnedSeeds
{
    /// <summary>
    /// Two connections for one user on the first report: playback_report and now_playing both read the session
    /// before either wrote it and both open from Idle with connection id drp:1:alice; Navidrome checks the id before
    /// the dial and registers it after, so both dials succeed; both Hellos identify on the one socket that stays
    /// registered, and Discord closes it with 4005.
    /// </summary>
    [Theory]
    [InlineData(1001104, false, "R 0 1 Playing 2 61 1")]
    public void Never_a_second_identify_on_one_connection(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.DiscordRules);

    /// <summary>
    /// The rate window undercounted: at one instant READY, two art lookups and a wake timer (timers due together run
    /// together) each read <c>sent/bob</c> before any wrote it, each appended its own send and wrote the window
    /// back; with the report three seconds later six presence updates reached one connection within 20 s (4008).
    /// The core's budget of 4 covers two racing senders, not four.
    /// </summary>
    [Theory]
    [InlineData(909, false, "R 0 2 Playing 2 266 0.5; R 1 1 Playing 1 120 1; O 0; P 0 1 144; R 0 0 Playing 3 83 1; R 1 1 Playing 3 83 0.5; R 2 0 Paused 0 236 1; O 0; A 3; R 0 0 Expired 2 7 1; R 0 0 Paused 2 46 1; F 0; R 1 0 Expired 1 24 1; W 0 true; R 1 2 Expired 1 217 1; R 1 2 Expired 0 19 2; R 1 0 Stopped 3 233 1; P 0 2 56; R 2 1 Playing 3 277 2; N 0; N 0; A 2; R 0 0 Starting 0 242 0.5; R 1 2 Expired 3 22 1; P 0 1 60; R 0 2 Playing 3 230 0.5; O 1; R 0 0 Playing 0 176 1; P 0 4 193; R 1 0 Stopped 3 184 2; R 0 2 Paused 0 53 2; R 0 0 Expired 4 188 1; D 0; A 4; R 0 0 Playing 0 99 0.5; P 2 0 215; W 1 false; R 0 2 Paused 4 257 2; A 4; A 2; R 0 0 Playing 0 35 1; R 0 2 Playing 3 17 0.5; P 2 3 185; A 2")]
    public void At_most_5_presence_updates_per_20_s_on_one_connection(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.DiscordRules);

    /// <summary>
    /// The previous track shown again: bob's now_playing (Ready phase) read <c>pb/bob</c> (still t4), then the
    /// concurrent report wrote pb (t3, already over) and sent a clear, then now_playing read <c>sent/bob</c> (the
    /// clear), composed t4 from its old read and sent it. A minute later Discord still shows t4.
    /// </summary>
    [Theory]
    [InlineData(1101, false, "P 0 1 293; I 1 true; R 1 0 Starting 2 34 2; O 0; A 31; R 1 0 Starting 0 178 1; A 41; P 0 4 83; R 0 1 Expired 0 218 1; A 6; A 1; P 0 0 53; F 0; R 0 0 Starting 4 12 1; R 1 1 Starting 3 180 1; N 1; A 8; R 1 1 Playing 2 209 1; F 0; P 0 1 85")]
    // The same race the other way round: after the tail, bob's repeated report sent t4, and the now_playing that had
    // read the old (ended) playback before that report wrote, and the report's send after it, sent a clear.
    [InlineData(209, false, "R 0 2 Stopped 2 135 1; A 4; R 0 0 Expired 0 235 1; A 3; P 0 0 136; R 0 2 Playing 1 271 0.5; P 0 4 248; H 0; A 2; P 0 3 123; R 2 1 Playing 2 249 2; R 0 1 Paused 4 216 1; P 1 4 96; R 0 0 Paused 4 48 1; R 0 2 Playing 0 181 1; R 1 0 Starting 1 236 2; W 2 true; A 2; P 1 3 56; P 0 0 132; P 0 0 90; R 2 2 Stopped 3 7 1; P 0 0 239; R 1 2 Playing 4 293 1; R 0 2 Stopped 1 93 1; O 1; A 2; R 0 2 Expired 2 296 1; R 1 2 Stopped 0 190 1; R 1 2 Playing 2 271 1; R 0 1 Paused 1 185 1; P 1 3 183; F 0; R 1 2 Playing 2 191 1; P 0 4 58; N 1; P 1 0 203; R 1 1 Starting 0 235 1; R 0 0 Stopped 2 90 1; H 0; R 0 1 Expired 3 297 1; R 1 2 Expired 0 124 2; A 2; R 1 0 Playing 1 15 0.5; R 0 2 Playing 1 172 1; R 0 1 Playing 1 239 1; R 1 0 Stopped 1 88 0.5; I 1 false; R 0 0 Expired 3 197 2; W 0 true; A 1; P 2 2 97; P 0 0 64; H 2; A 4; R 1 0 Playing 3 10 1; F 1")]
    public void Discord_shows_the_latest_track_not_one_a_racing_call_read_earlier(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.Soon.Concat(t.Eventually));

    /// <summary>
    /// A lost connection decided from an old read wound the session back: Discord asked alice to reconnect (op 7); the
    /// op 7 handler closed drp:2, whose on_close won <c>connect:3:alice</c>, wrote generation 3 and dialled drp:3,
    /// while a racing report, which had read generation 2 (Ready) before, found drp:2 gone ("not found") on its send and
    /// decided that close from its own read: it wrote generation 2 (Idle) over generation 3. drp:3's Hello then found a
    /// session that did not expect it, and every later report found generation 2 Idle, wanted generation 3, and left it
    /// to the holder of connect:3: alice showed nothing a minute after the inputs stopped. Deciding the send from a
    /// fresh read was not enough (seeds 9, 13, 18 … of this sequence read before the callback wrote); passes since a
    /// send to a gone connection leaves the close to its callback, the one call that decides it.
    /// </summary>
    [Theory]
    [InlineData(3509, false, "R 0 1 Stopped 2 169 1; A 3; F 0; R 1 1 Playing 0 258 1; R 2 2 Stopped 0 214 0.5; R 1 0 Starting 0 202 1; R 1 1 Paused 1 40 1; O 1; R 2 2 Expired 3 275 2; A 2; F 1; A 2; R 1 0 Starting 1 268 0.5; R 2 1 Stopped 4 212 0.5; R 0 1 Starting 1 263 1; A 2; H 1; R 1 1 Starting 2 140 0.5; O 0; R 0 1 Playing 4 244 1; R 0 1 Starting 3 143 1; R 2 0 Expired 0 105 1; R 1 0 Expired 0 40 1; A 1; D 0; R 1 2 Paused 4 251 1; R 0 2 Playing 4 195 2; D 1; P 1 4 286; R 2 0 Expired 2 288 1; A 1; A 4; R 0 1 Starting 1 148 1; R 1 1 Playing 1 217 0.5; A 4; I 0 true; N 0; A 4; P 1 3 139; A 3; R 0 1 Playing 4 235 2; R 0 0 Expired 3 176 0.5; P 2 4 299; D 2; R 0 1 Paused 3 177 1; R 2 1 Paused 4 33 1; N 1; R 0 0 Stopped 3 192 1; R 1 1 Expired 4 294 2; N 0; R 2 2 Paused 4 103 1")]
    [InlineData(9, false, "R 0 1 Stopped 2 169 1; A 3; F 0; R 1 1 Playing 0 258 1; R 2 2 Stopped 0 214 0.5; R 1 0 Starting 0 202 1; R 1 1 Paused 1 40 1; O 1; R 2 2 Expired 3 275 2; A 2; F 1; A 2; R 1 0 Starting 1 268 0.5; R 2 1 Stopped 4 212 0.5; R 0 1 Starting 1 263 1; A 2; H 1; R 1 1 Starting 2 140 0.5; O 0; R 0 1 Playing 4 244 1; R 0 1 Starting 3 143 1; R 2 0 Expired 0 105 1; R 1 0 Expired 0 40 1; A 1; D 0; R 1 2 Paused 4 251 1; R 0 2 Playing 4 195 2; D 1; P 1 4 286; R 2 0 Expired 2 288 1; A 1; A 4; R 0 1 Starting 1 148 1; R 1 1 Playing 1 217 0.5; A 4; I 0 true; N 0; A 4; P 1 3 139; A 3; R 0 1 Playing 4 235 2; R 0 0 Expired 3 176 0.5; P 2 4 299; D 2; R 0 1 Paused 3 177 1; R 2 1 Paused 4 33 1; N 1; R 0 0 Stopped 3 192 1; R 1 1 Expired 4 294 2; N 0; R 2 2 Paused 4 103 1")]
    public void A_paused_track_is_shown_a_minute_after_a_resume(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.Soon);

    /// <summary>
    /// The session generation goes backwards: Discord dropped alice's connection; its on_error moved the session to
    /// generation 2 (Connecting) and dialled drp:2:alice, while a racing report, whose send on drp:1 failed
    /// ("not found"), wrote its own older view (generation 1, Idle) over it, and now_playing's connect of drp:2 was
    /// refused. The Hello of drp:2 then finds a session that does not expect it: the socket stays open, never
    /// identified, and alice shows nothing until a later input happens to reconnect her. Passes since the locks and
    /// deadlines: only the winner of connect:N:user writes a new generation, and a stale session is recovered.
    /// Since lookups settle (fewer host calls) seed 807 interleaves this sequence differently: a report whose clear on
    /// drp:1 failed wrote generation 1 Idle over the close handler's generation 2, and drp:2's Hello found a session
    /// that did not expect it; it passes because such a Hello closes its connection at once (seed 1008's fix).
    /// </summary>
    [Theory]
    [InlineData(807, false, "A 2; O 0; A 1; P 0 1 262; R 0 1 Playing 1 186 1; R 0 2 Starting 1 213 1; H 0; R 0 0 Expired 0 24 2; F 1; W 2 true; A 4; P 0 4 207; R 2 1 Paused 3 181 1; R 1 1 Paused 3 277 0.5; A 2; N 0; A 2; A 4; H 0; R 0 0 Paused 2 105 0.5; R 0 1 Playing 0 53 2; A 2; D 1; R 0 2 Starting 3 73 1; R 1 2 Playing 3 105 2; A 2; R 0 2 Stopped 3 274 1; A 3; F 1; R 1 1 Playing 2 213 1; R 0 0 Stopped 0 131 2; R 0 0 Stopped 0 107 1; A 2; R 1 2 Playing 0 250 2; R 0 0 Playing 1 170 1; A 4; R 2 2 Playing 3 258 1; A 1; P 2 0 240; R 0 0 Starting 2 274 1; R 0 1 Expired 1 104 1; R 1 0 Starting 3 229 1; D 0; W 2 true; R 2 0 Expired 2 82 0.5; R 1 0 Stopped 2 201 1; R 0 1 Playing 3 24 1")]
    public void A_dropped_connection_is_replaced_however_calls_race(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.Soon);

    /// <summary>
    /// The generation went backwards through a failed send, leaving a connection nobody beats on: Discord dropped
    /// alice's drp:1; its on_error wrote generation 1 Idle, won connect:2, wrote generation 2 Connecting and dialled
    /// drp:2, while a racing report that had read generation 1 Ready sent on drp:1, was told "not found", took that
    /// for the close of its (stale) current connection and wrote generation 1 Idle back. drp:2's Hello then found a
    /// session that did not expect it: never identified, never heartbeating, and invisible until Discord closed it
    /// for missing heartbeats (found once the simulated Discord did). Fixed in the interpreter: a send that finds
    /// its connection gone re-reads the state first (the reader frees the id only after the last callback returned).
    /// </summary>
    [Theory]
    [InlineData(2610, false, "R 1 1 Playing 1 260 1; R 0 0 Starting 0 200 0.5; R 0 0 Playing 2 59 2; R 0 2 Playing 0 199 0.5; O 1; A 1; R 0 2 Starting 1 24 1; R 1 0 Stopped 2 264 2; A 1; D 0; R 0 0 Starting 3 76 1; P 1 2 46; R 2 2 Playing 2 215 1; A 3; R 1 2 Starting 4 274 1; R 0 0 Playing 4 194 1; N 2; A 2; R 1 2 Expired 0 243 2; A 4; R 0 0 Playing 3 217 2; R 2 2 Stopped 2 61 1; A 1; R 0 0 Paused 3 230 2; R 0 2 Stopped 3 98 1; R 0 2 Playing 0 282 1; R 1 0 Stopped 1 297 1; A 4")]
    // The same through a plugin close: op 9 made alice's call close drp:1 (the id goes at once, on_close runs
    // meanwhile); a racing report's send found it gone, re-read the session before on_close wrote, and wrote
    // generation 1 Idle after on_close had written generation 2 and dialled drp:2. Fixed in the core: a Hello on a
    // connection the session does not wait for closes it at once, so it cannot stay open unbeaten.
    [InlineData(1008, false, "R 0 0 Starting 4 230 2; R 0 2 Stopped 4 31 1; R 0 0 Paused 3 10 1; R 0 2 Paused 0 11 0.5; R 2 1 Playing 1 98 2; A 4; R 0 1 Playing 1 26 1; P 0 1 57; R 0 0 Starting 0 194 2; P 0 3 106; R 0 1 Paused 1 62 1; P 0 4 195; R 0 1 Playing 3 22 1; R 0 2 Stopped 3 197 1; R 1 0 Playing 2 87 1; R 1 2 Playing 1 242 2; R 0 2 Playing 0 150 2; R 1 0 Starting 2 282 1; W 0 true; R 1 1 Paused 1 108 1; I 0 true; R 1 0 Playing 0 246 0.5; H 0; R 1 0 Playing 0 134 1; C 1 1000; R 2 2 Playing 1 188 2; R 0 1 Paused 4 70 1; A 1; R 0 2 Stopped 3 106 0.5; P 0 0 299; A 3; R 0 1 Expired 2 131 1; R 0 2 Starting 3 11 1; R 0 2 Stopped 3 40 1; R 0 0 Stopped 1 129 2; R 0 0 Paused 3 62 2; A 3; R 2 2 Playing 3 239 1; P 2 3 294; R 0 0 Starting 4 77 1; R 0 2 Paused 2 43 2; R 1 0 Playing 4 273 1; P 0 3 297; E 1; A 2; P 1 4 123; R 2 0 Paused 0 47 1; H 0; P 0 4 64; D 1; E 2; R 0 1 Expired 0 243 2; P 0 4 15; R 0 2 Starting 4 29 1; F 1; P 1 2 55; P 1 4 193; R 0 2 Expired 0 4 1; A 2")]
    public void A_send_that_finds_its_connection_gone_does_not_take_the_session_back(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.Silent.Concat(t.Orphans));

    /// <summary>
    /// A failed read wedged a user (fixed by the liveness deadlines): alice's READY arrived in a call whose read of <c>gw/alice</c> failed; the core took
    /// the missing session for none, ignored READY, and the session stays in Identifying for good (heartbeats go
    /// on, so nothing notices): no presence update was sent again, not even for the report after the tail. Now the
    /// Identifying deadline, checked by the next full decision, recovers her.
    /// </summary>
    [Theory]
    [InlineData(1000105, true, "P 0 3 143")]
    public void A_failed_read_does_not_wedge_a_user(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.Eventually);

    /// <summary>
    /// Two lookups answered at once (every lookup on): bob's one report started the art, link and song lookups at one
    /// instant; each lookup's call sent a presence composed from what it had read, and the last to send had read
    /// before the link was stored: a minute later Discord showed the art and the year with the Spotify search link
    /// instead of the track's page. Passes since lookups settle (one wake sends once from everything stored).
    /// </summary>
    [Theory]
    [InlineData(1000703, false, "P 1 0 279")]
    public void Lookups_answered_at_once_all_show(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.Soon.Concat(t.Eventually), decorated: true);

    /// <summary>
    /// An ignored player's track shown for a quarter of an hour (found with a 200-sequence budget, seed 5): alice's
    /// first report, from the Ignored Player, failed its first read and was dropped, so the host was not known to
    /// send playback reports. After the tail the repeated report wrote <c>host</c> while the NowPlaying worker's call,
    /// which had read the host before that write, took NowPlaying as the only source (a 0.60/0.61 host) and sent the
    /// ignored track. The report had found nothing to change, and no later call re-decides until the NowPlaying entry
    /// expires (15 min); a real ignored player's next report would clear it. Fixed: the first report also arms the
    /// settling wake (Core.FirstReportSettles), whose decision reads the host facts and clears the ignored track.
    /// </summary>
    [Theory]
    [InlineData(5006919, true, "R 0 2 Playing 3 246 1")]
    public void An_ignored_players_track_is_not_shown_by_a_NowPlaying_call_that_raced_the_first_report(int seed, bool faults, string events) =>
        Clean(seed, faults, events, t => t.Eventually);

    private static void Clean(int seed, bool faults, string events, Func<Trial, IEnumerable<string>> findings, bool decorated = false)
    {
        var trial = Trial.Play(EventText.Parse(events), seed, faults, decorated: decorated);
        List<string> found = [.. trial.Crashes, .. findings(trial)];
        if (found.Count > 0) throw new XunitException(trial.Describe(found));
    }
}
