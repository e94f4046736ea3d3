using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Song;
using Navidrome.DiscordPresence.Domain.State;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Effects.Discord;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Song;

/// <summary>{year} and {genre} looked up with getSong in a timer call of their own, pinned on examples.</summary>
public class SongLookupExamplesTests
{
    private static Activity LastActivity(World world) =>
        world.SentFrames.Last(f => f.User == "alice" && f.Presence is { IsClear: false }).Presence!.Activities[0];

    private static Effect.Log[] Warnings(World world) => [.. world.Decisions.SelectMany(d => d.Step.Effects).OfType<Effect.Log>().Where(l => l.Level == LogLevel.Warn)];

    [Fact]
    public void The_presence_goes_out_at_once_and_shows_year_and_genre_once_getSong_answered()
    {
        var world = WorldGen.NewWorld(songInfo: true);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        // The playback call itself asks nothing: it arms a timer, and the text reads well without the year.
        var report = world.Decisions.First(d => d.Input is Input.PlaybackReported).Step.Effects;
        Assert.DoesNotContain(report, e => e is Effect.SubsonicCall);
        Assert.Contains(report, e => e is Effect.ScheduleOnce { ScheduleId: var id } && id.StartsWith("song:", StringComparison.Ordinal));
        var first = world.SentFrames.First(f => f.Presence is { IsClear: false }).Presence!.Activities[0];
        Assert.Equal("Miles Davis", first.State);

        world.AdvanceBy(World.LookupsShownMs);
        var (_, call) = Assert.Single(world.SongRequests);
        Assert.Equal("getSong?id=t1&u=alice", call.Uri);
        var last = LastActivity(world);
        Assert.Equal("Miles Davis - 1959", last.State);
        Assert.Equal("Kind of Blue (Jazz)", last.Assets?.LargeText);
        Assert.Equal("""{"year":1959,"genre":"Jazz","untilMs":1800086400000}""", world.Store[new(Store.Cache, "song/t1")]);
    }

    [Fact]
    public void The_answer_is_shared_by_every_user_until_it_expires()
    {
        var world = WorldGen.NewWorld(songInfo: true);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(1_000);
        world.Apply(new WorldEvent.Report(1, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(1_000);
        Assert.Single(world.SongRequests);
        Assert.Equal("Miles Davis - 1959", world.SentFrames.Last(f => f.User == "bob" && f.Presence is { IsClear: false }).Presence!.Activities[0].State);
    }

    [Fact]
    public void A_failed_lookup_logs_one_line_and_is_retried_after_ten_minutes()
    {
        var world = WorldGen.NewWorld(songInfo: true);
        world.SubsonicOverride = _ => (null, "user alice is not authorized for this plugin");
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(1_000);
        var log = Assert.Single(Warnings(world));
        Assert.Equal(new Effect.Log(LogLevel.Warn,
            "user 'alice': looking up the year and genre of track 't1' failed (user alice is not authorized for this plugin); {year} and {genre} stay empty, retrying in 10 min"), log);
        Assert.Equal("Miles Davis", LastActivity(world).State);

        // Refreshes and reports within the ten minutes ask nothing; the first full decision after them asks again.
        world.SubsonicOverride = null;
        world.AdvanceBy(SongFacts.FailedMs - 2_000);
        Assert.Single(world.SongRequests);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(301_000);
        Assert.Equal(2, world.SongRequests.Count);
        Assert.Equal("Miles Davis - 1959", LastActivity(world).State);
    }

    [Fact]
    public void Song_not_found_is_a_failure_with_Subsonics_reason()
    {
        var world = WorldGen.NewWorld(songInfo: true);
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 3, 5, 1));
        world.AdvanceBy(1_000);
        Assert.Contains("(Subsonic error 70: Song not found)", Assert.Single(Warnings(world)).Message);
    }

    [Fact]
    public void Nothing_is_looked_up_or_read_when_no_template_shows_year_or_genre()
    {
        var world = WorldGen.NewWorld();
        world.Apply(new WorldEvent.Report(0, 0, ReportState.Playing, 0, 5, 1));
        world.AdvanceBy(600_000);
        Assert.Empty(world.SongRequests);
        Assert.DoesNotContain(world.Store.Keys, k => k.Key.StartsWith("song/", StringComparison.Ordinal));
        Assert.Equal(TrackEntries.None, TrackEntries.For(WorldGen.Config()));
    }

    [Theory]
    [InlineData(ActivityNameMode.Custom, "{track} ({year})", true)]
    [InlineData(ActivityNameMode.Default, "{track} ({year})", false)]
    [InlineData(ActivityNameMode.Custom, "{track} ({Year})", false)]
    public void The_custom_activity_name_counts_only_in_Custom_mode(ActivityNameMode mode, string template, bool wanted) =>
        Assert.Equal(wanted, SongLookup.IsWanted(WorldGen.Config() with { ActivityName = mode, ActivityNameTemplate = template }));

    [Fact]
    public void Small_text_and_large_text_templates_count_too()
    {
        Assert.True(SongLookup.IsWanted(WorldGen.Config() with { SmallTextTemplate = "{genre}" }));
        Assert.True(SongLookup.IsWanted(WorldGen.Config() with { LargeTextTemplate = "{album} {year}" }));
        Assert.False(SongLookup.IsWanted(WorldGen.Config(songInfo: true) with { Hidden = true }));
    }

    [Theory]
    [InlineData("{year} on Discogs", "https://www.discogs.com/search/?q={artist}", true)]
    [InlineData("Search", "https://www.discogs.com/search/?q={artist}+{genre}", true)]
    [InlineData("Search", "https://www.discogs.com/search/?q={artist}", false)]
    public void A_button_label_or_URL_counts_too(string label, string url, bool wanted) =>
        Assert.Equal(wanted, SongLookup.IsWanted(WorldGen.Config() with { Buttons = [new ButtonTemplate(label, url)] }));

    [Fact]
    public void A_users_own_template_makes_the_lookup_that_users_alone()
    {
        var source = new Dictionary<string, string>
        {
            ["clientid"] = "1234567890123456789",
            ["users"] = """[{"username":"alice","token":"tok-alice-0123456789","statetemplate":"{artist} ({year})"},{"username":"bob","token":"tok-bob-0123456789"}]""",
        };
        Assert.True(SongLookup.IsWanted(ConfigReader.Read(key => source.GetValueOrDefault(key), "alice").Config));
        Assert.False(SongLookup.IsWanted(ConfigReader.Read(key => source.GetValueOrDefault(key), "bob").Config));
    }
}
