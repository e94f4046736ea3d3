using System.Text.Json;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.TestHost;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// The World's event sequences played through the real plugin on <see cref="SimNavidrome"/>, with Navidrome's
/// structure of concurrency: the PlaybackReport worker (is_authorized, then the report) and the NowPlaying worker each
/// sequential but racing each other; one reader per connection; every timer its own call, timers due at one instant
/// together; nd_on_init at load overlapping the first calls. Events between two <see cref="WorldEvent.Advance"/>s
/// form one batch whose calls overlap; the virtual clock moves only between batches. With <c>interleave: false</c>
/// the same batches run one call after another: the reference a run with interleavings and faults is compared to.
/// </summary>
public sealed class ConcurrentWorld
{
    public const long StartMs = 1_800_000_000_000;

    /// <summary>Users: alice and bob have good tokens; carol's token Discord rejects.</summary>
    public static IReadOnlyList<string> Users => WorldGen.UserNames;

    /// <summary>Tokens shaped like real ones, so a leak of any part of one is found.</summary>
    public static string TokenOf(string user) => $"MTA5ODc2NTQzMjEwOTg3{user.Length}NjU0.Gh{user}Kl.{user}-a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7";

    private readonly VirtualClock clock = new(StartMs);
    private readonly Lane reportWorker, nowPlayingWorker;
    private readonly Dictionary<string, WorldEvent> lastScrobble = [];

    /// <param name="decorated">Every lookup on: the Cover Art Archive, Spotify links and a template with {year}, so
    /// a track change starts three lookups whose answers race (t1 finds art, a link and a year).</param>
    public ConcurrentWorld(int seed, bool interleave, bool faults, bool decorated = false)
    {
        Seed = seed;
        Interleaver = new Interleaver(seed, sequential: !interleave);
        Faults = new FaultPlan(seed, faults);
        var accounts = Users.ToDictionary(TokenOf, u => u);
        Discord = new MemoryDiscord(() => clock.NowMs, accounts, new HashSet<string> { TokenOf("carol") });
        Host = new SimNavidrome(Interleaver, Faults, Config(decorated), Discord, clock);
        reportWorker = Interleaver.NewLane("playback report worker");
        nowPlayingWorker = Interleaver.NewLane("now playing worker");
        Host.Load();
    }

    public int Seed { get; }
    public Interleaver Interleaver { get; }
    public FaultPlan Faults { get; }
    public MemoryDiscord Discord { get; }
    public SimNavidrome Host { get; }
    public long NowMs => clock.NowMs;

    /// <summary>The saved config as Navidrome hands it over: every value a string.</summary>
    private static Dictionary<string, string> Config(bool decorated)
    {
        var config = new Dictionary<string, string>
        {
            ["clientid"] = "1234567890123456789",
            ["users"] = new JsonArray([.. Users.Select(u => (JsonNode)new JsonObject { ["username"] = u, ["token"] = TokenOf(u) })]).ToJsonString(),
            ["pausetimeoutminutes"] = "10",
            ["ignoredplayers"] = "Ignored Player",
        };
        if (!decorated) return config;
        config["caaenabled"] = "true";
        config["spotifylinks"] = "true";
        config["statetemplate"] = "{artist} ({year})";
        return config;
    }

    /// <summary>Plays the events: each run of non-time events is one overlapping batch, then time moves.</summary>
    public void Run(IEnumerable<WorldEvent> events)
    {
        foreach (var ev in events)
        {
            if (ev is WorldEvent.Advance a) AdvanceBy(a.Seconds * 1000L);
            else Enqueue(ev);
        }
        Interleaver.RunUntilQuiet();
    }

    /// <summary>After the inputs: faults off, Discord cooperative, <paramref name="seconds"/> pass with their timers.</summary>
    public void Quiet(int seconds)
    {
        Faults.Injecting = false;
        Discord.Withholding.Clear();
        AdvanceBy(seconds * 1000L);
    }

    /// <summary>Each user's last scrobbler event once more (a report a fault or reload swallowed is known again, and a wedged user shows).</summary>
    public void RepeatLastScrobbles()
    {
        foreach (var user in Users)
            if (lastScrobble.TryGetValue(user, out var ev)) Enqueue(ev);
        Interleaver.RunUntilQuiet();
    }

    /// <summary>Moves the clock, firing every schedule due on the way: those due at one instant together.</summary>
    public void AdvanceBy(long ms)
    {
        var target = clock.NowMs + ms;
        Interleaver.RunUntilQuiet();
        while (Earliest(Host.NextDueMs, Discord.NextSilenceDeadlineMs) is { } next && next <= target)
        {
            if (next > clock.NowMs) clock.MoveTo(next);
            Discord.CloseSilentConnections();
            Host.FireDue();
            Interleaver.RunUntilQuiet();
        }
        clock.MoveTo(target);
    }

    private static long? Earliest(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private string UserName(int index) => Users[index % Users.Count];

    private void Enqueue(WorldEvent ev)
    {
        switch (ev)
        {
            case WorldEvent.Report r:
                Report(r);
                break;
            case WorldEvent.NowPlaying n:
                var listener = UserName(n.User);
                lastScrobble[listener] = n;
                NowPlaying(listener, Tracks.Get(n.Track), n.PositionSeconds);
                break;
            case WorldEvent.Drop d:
                OnNewest(d.User, Discord.Drop);
                break;
            case WorldEvent.CloseWith c:
                OnNewest(c.User, s => Discord.Close(s, c.Code, "closed by Discord"));
                break;
            case WorldEvent.Reconnect r:
                OnNewest(r.User, Discord.Reconnect);
                break;
            case WorldEvent.InvalidSession i:
                OnNewest(i.User, s => Discord.InvalidSession(s, i.Resumable));
                break;
            case WorldEvent.Noise n:
                OnNewest(n.User, Discord.Noise);
                break;
            case WorldEvent.OtherPlayer o:
                Discord.SetOtherPlayer(UserName(o.User), o.Player);
                break;
            case WorldEvent.SessionsEcho e:
                Discord.SessionsEcho(UserName(e.User));
                break;
            case WorldEvent.HeartbeatRequest h:
                OnNewest(h.User, Discord.HeartbeatRequest);
                break;
            case WorldEvent.WithholdAcks w:
                if (w.Withhold) Discord.Withholding.Add(UserName(w.User)); else Discord.Withholding.Remove(UserName(w.User));
                break;
            case WorldEvent.FailNextConnect f:
                Host.FailNextDial(UserName(f.User));
                break;
            default:
                throw new InvalidOperationException(ev.ToString());
        }
    }

    private void OnNewest(int user, Action<SimSocket> act)
    {
        if (Discord.Newest(UserName(user)) is { } socket) act(socket);
    }

    /// <summary>Navidrome 0.62+: the PlaybackReport worker calls is_authorized then playback_report; for starting/playing the NowPlaying worker does the same with now_playing.</summary>
    private void Report(WorldEvent.Report r)
    {
        var user = UserName(r.User);
        lastScrobble[user] = r;
        var track = Tracks.Get(r.Track);
        var state = r.State.ToString().ToLowerInvariant();
        var timestamp = clock.NowMs / 1000;
        reportWorker.Enqueue($"worker report @{user} {state} {track.Id}", () =>
        {
            if (!Authorized(user)) return;
            Host.CallPlugin("nd_scrobbler_playback_report", new JsonObject
            {
                ["username"] = user,
                ["track"] = Json(track),
                ["state"] = state,
                ["positionMs"] = r.PositionSeconds * 1000L,
                ["playbackRate"] = r.Rate,
                ["playerId"] = $"player-{r.Player}",
                ["playerName"] = Tracks.PlayerName(r.Player),
                ["timestamp"] = timestamp,
            });
        });
        if (r.State is ReportState.Starting or ReportState.Playing) NowPlaying(user, track, r.PositionSeconds);
    }

    private void NowPlaying(string user, Track track, int positionSeconds) =>
        nowPlayingWorker.Enqueue($"worker now playing @{user} {track.Id}", () =>
        {
            if (Authorized(user))
                Host.CallPlugin("nd_scrobbler_now_playing", new JsonObject { ["username"] = user, ["track"] = Json(track), ["position"] = positionSeconds });
        });

    private bool Authorized(string user)
    {
        var result = Host.CallPlugin("nd_scrobbler_is_authorized", new JsonObject { ["username"] = user });
        return result.Succeeded && System.Text.Encoding.UTF8.GetString(result.Output).Trim() == "true";
    }

    private static JsonObject Json(Track t) =>
        new TrackInfo(t.Id, t.Title, t.Album, t.Artist, t.DurationSeconds, t.AlbumArtist, t.MbzRecordingId, t.MbzAlbumId, t.MbzReleaseGroupId).ToJson();

    /// <summary>
    /// Connections Discord holds open that the user's stored session does not know: not the current generation's
    /// connection of a session that has one (Idle and Backoff have none), or not the socket its id is registered to.
    /// </summary>
    public IEnumerable<string> UnknownConnections()
    {
        var stored = Host.Cache.Strings;
        foreach (var socket in Discord.Sockets.Where(s => s.Open))
        {
            var user = socket.User ?? "?";
            var session = StoredState.Load(user, StatePart.Session, key => StoredRead.Of(key.Store == Store.Cache ? stored.GetValueOrDefault(key.Key) : null),
                _ => null, TrackEntries.None, (_, _) => { }) is StateLoad.Loaded { State.Session: var s } ? s : null;
            var known = session is { Phase: not (Phase.Idle or Phase.Backoff) } && socket.ConnectionId == GatewayIds.Connection(user, session.Generation);
            if (!known || !Host.IsRegistered(socket))
                yield return $"{socket} ({user}) is open, opened at +{(socket.OpenedAtMs - StartMs) / 1000} s, but the stored session is " +
                    (session is null ? "none" : $"generation {session.Generation} in {session.Phase}") + (Host.IsRegistered(socket) ? "" : "; its id is not registered to it");
        }
    }

    /// <summary>A short account of the run for a failure message.</summary>
    public string Describe() =>
        $"seed {Seed}, {Faults}, injected {JsonSerializer.Serialize(Faults.Injected.ToDictionary(k => k.Key.ToString(), k => k.Value))}, " +
        $"{Host.PluginCalls} plugin calls, {Host.HostCalls} host calls, {Interleaver.Picks} yield points, {Host.Reloads} reloads, " +
        $"{Discord.Sockets.Count} sockets, {Discord.TimedOut.Count} timed out by Discord";
}
