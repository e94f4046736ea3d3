using FsCheck;
using FsCheck.Fluent;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>Generators of event sequences: several users and players, every report state, Discord's misbehaviour.</summary>
public static class WorldGen
{
    /// <summary>Users: alice and bob have good tokens; carol's token Discord rejects.</summary>
    public static readonly string[] UserNames = ["alice", "bob", "carol"];

    /// <summary>The config of the simulated server; <paramref name="songInfo"/>: templates that show {year} and {genre};
    /// <paramref name="yielding"/>: stand down for other players.</summary>
    public static PluginConfig Config(PauseMode pause = PauseMode.Frozen, int pauseTimeoutMinutes = 10, LinkMode links = LinkMode.None, bool uguu = false, bool songInfo = false, bool yielding = true) => new(
        "1234567890123456789",
        [.. UserNames.Select(u => new DiscordUser(u, "fp-" + u))],
        ActivityNameMode.Default, "{artist} - {track}", "{track}", songInfo ? "{artist} - {year}" : "{artist}", songInfo ? "{album} ({genre})" : "{album}",
        StatusDisplay.Details, OnlineStatus.Online, pause, pauseTimeoutMinutes,
        ["Ignored Player"],
        new ArtworkOptions(CoverArtArchive: true, UguuUpload: uguu, NavidromeArtwork: true, ShowLogo: false),
        links,
        YieldToOtherApps: yielding);

    public static World NewWorld(PauseMode pause = PauseMode.Frozen, LinkMode links = LinkMode.None, bool uguu = false, bool songInfo = false, bool yielding = true) =>
        new(Config(pause, links: links, uguu: uguu, songInfo: songInfo, yielding: yielding), ["carol"]);

    /// <summary>A world that looks art and links up, uploads covers, and where every third HTTP request fails.</summary>
    public static World ArtWorldWithFailingHttp()
    {
        var world = NewWorld(links: LinkMode.Spotify, uguu: true);
        var requests = 0;
        world.HttpOverride = http => ++requests % 3 == 0 ? new Domain.HttpOutcome.Failed("dial tcp: i/o timeout") : null;
        return world;
    }

    private static readonly Gen<int> User = Gen.Frequency((5, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)));

    private static readonly Gen<WorldEvent> Report =
        from user in User
        from player in Gen.Choose(0, 2)
        from state in Gen.Elements(ReportState.Starting, ReportState.Playing, ReportState.Playing, ReportState.Paused, ReportState.Stopped, ReportState.Expired)
        from track in Gen.Choose(0, Tracks.Count - 1)
        from position in Gen.Choose(0, 300)
        from rate in Gen.Elements(1.0, 1.0, 1.0, 0.5, 2.0)
        select (WorldEvent)new WorldEvent.Report(user, player, state, track, position, rate);

    private static readonly Gen<WorldEvent> NowPlaying =
        from user in User
        from track in Gen.Choose(0, Tracks.Count - 1)
        from position in Gen.Choose(0, 300)
        select (WorldEvent)new WorldEvent.NowPlaying(user, track, position);

    private static readonly Gen<WorldEvent> Advance =
        Gen.Frequency((6, Gen.Choose(1, 10)), (3, Gen.Choose(10, 60)), (1, Gen.Choose(60, 900)))
            .Select(s => (WorldEvent)new WorldEvent.Advance(s));

    /// <summary>Every close code of Discord's table, plus 1000/1001/1006 and an unknown one.</summary>
    public static readonly int[] CloseCodes =
        [1000, 1001, 1006, 4000, 4001, 4002, 4003, 4004, 4005, 4007, 4008, 4009, 4010, 4011, 4012, 4013, 4014, 4015, 4016, 4999];

    private static readonly Gen<WorldEvent> Discord = Gen.OneOf(
        User.Select(u => (WorldEvent)new WorldEvent.Drop(u)),
        from u in User from code in Gen.Elements(CloseCodes) select (WorldEvent)new WorldEvent.CloseWith(u, code),
        User.Select(u => (WorldEvent)new WorldEvent.Reconnect(u)),
        from u in User from resumable in Gen.Elements(true, false) select (WorldEvent)new WorldEvent.InvalidSession(u, resumable),
        User.Select(u => (WorldEvent)new WorldEvent.Noise(u)),
        from u in User from player in Gen.Elements<string?>("Spotify", "Feishin", null, null) select (WorldEvent)new WorldEvent.OtherPlayer(u, player),
        User.Select(u => (WorldEvent)new WorldEvent.SessionsEcho(u)),
        User.Select(u => (WorldEvent)new WorldEvent.HeartbeatRequest(u)),
        from u in User from w in Gen.Elements(true, false) select (WorldEvent)new WorldEvent.WithholdAcks(u, w),
        User.Select(u => (WorldEvent)new WorldEvent.FailNextConnect(u)),
        User.Select(u => (WorldEvent)new WorldEvent.FailNextSchedule(u)));

    private static readonly Gen<WorldEvent> LostTimer = User.Select(u => (WorldEvent)new WorldEvent.LoseNextTimer(u));

    /// <summary>A mixed sequence of reports, NowPlaying, time and Discord events.</summary>
    public static readonly Gen<WorldEvent[]> Sequence =
        Gen.Frequency((8, Report), (2, NowPlaying), (6, Advance), (3, Discord)).ArrayOf();

    /// <summary>Like <see cref="Sequence"/>, and timers also get lost without a word (only a later call can notice).</summary>
    public static readonly Gen<WorldEvent[]> LossySequence =
        Gen.Frequency((8, Report), (2, NowPlaying), (6, Advance), (3, Discord), (2, LostTimer)).ArrayOf();

    private static readonly Gen<WorldEvent> FailedHostCall = Gen.OneOf(
        User.Select(u => (WorldEvent)new WorldEvent.BreakNextSend(u)),
        from u in User from prefix in Gen.Elements("gw/", "pb/", "sent/") select (WorldEvent)new WorldEvent.LoseNextWrite(u, prefix));

    /// <summary>Like <see cref="LossySequence"/>, and sends and state writes fail too (a broken connection, a lost write).</summary>
    public static readonly Gen<WorldEvent[]> FaultySequence =
        Gen.Frequency((8, Report), (2, NowPlaying), (6, Advance), (3, Discord), (2, LostTimer), (2, FailedHostCall)).ArrayOf();

    /// <summary>Reports and time only, with a cooperative Discord.</summary>
    public static readonly Gen<WorldEvent[]> CalmSequence =
        Gen.Frequency((8, Report), (2, NowPlaying), (6, Advance)).ArrayOf();

    public static Arbitrary<WorldEvent[]> Arbitrary(Gen<WorldEvent[]> gen) =>
        Arb.From(gen, events => Enumerable.Range(0, events.Length).Reverse().Select(n => events.Take(n).ToArray()));
}
