using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Playback;

/// <summary>Examples of the ownership rules; states come from folding reports, never built by hand.</summary>
public class PlaybackRulesTests
{
    private const long T0 = 1_800_000_000_000;

    private static PlaybackReport Report(string player, ReportState state, int track = 0, long atMs = T0, long positionMs = 0, double rate = 1) =>
        new(Tracks.Get(track), state, positionMs, rate, player, player, atMs);

    private static PlaybackState Given(params PlaybackReport[] reports) => reports.Aggregate(PlaybackState.Empty, PlaybackRules.Apply);

    [Fact]
    public void The_player_that_started_most_recently_owns_the_presence() =>
        Assert.Equal("phone", Given(Report("web", ReportState.Playing, 0, T0), Report("phone", ReportState.Playing, 1, T0 + 1000)).Owner);

    [Fact]
    public void Periodic_playing_reports_do_not_take_ownership_back() =>
        Assert.Equal("phone", Given(
            Report("web", ReportState.Playing, 0, T0),
            Report("phone", ReportState.Playing, 1, T0 + 1000),
            Report("web", ReportState.Playing, 0, T0 + 2000, 2000)).Owner);

    [Fact]
    public void A_non_owner_stopping_leaves_the_owner_alone() =>
        Assert.Equal("phone", Given(
            Report("web", ReportState.Playing, 0, T0),
            Report("phone", ReportState.Playing, 1, T0 + 1000),
            Report("web", ReportState.Stopped, 0, T0 + 2000)).Owner);

    [Fact]
    public void A_non_owner_pausing_leaves_the_owner_playing()
    {
        var state = Given(Report("web", ReportState.Playing, 0, T0), Report("phone", ReportState.Playing, 1, T0 + 1000), Report("web", ReportState.Paused, 0, T0 + 2000));
        Assert.Equal("phone", state.Owner);
        Assert.False(state.OwnerSession!.Paused);
    }

    [Fact]
    public void When_the_owner_stops_a_player_still_playing_takes_over() =>
        Assert.Equal("web", Given(
            Report("web", ReportState.Playing, 0, T0),
            Report("phone", ReportState.Playing, 1, T0 + 1000),
            Report("phone", ReportState.Stopped, 1, T0 + 2000)).Owner);

    [Fact]
    public void When_the_owner_expires_and_nobody_plays_nobody_owns() =>
        Assert.Null(Given(Report("web", ReportState.Paused, 0, T0), Report("phone", ReportState.Playing, 1, T0 + 1000), Report("phone", ReportState.Expired, 1, T0 + 2000)).Owner);

    [Fact]
    public void Resuming_from_pause_takes_ownership() =>
        Assert.Equal("web", Given(
            Report("web", ReportState.Playing, 0, T0),
            Report("web", ReportState.Paused, 0, T0 + 1000),
            Report("phone", ReportState.Playing, 1, T0 + 2000),
            Report("web", ReportState.Playing, 0, T0 + 3000)).Owner);

    [Fact]
    public void A_pause_keeps_the_moment_it_began_through_repeated_paused_reports()
    {
        var state = Given(Report("web", ReportState.Playing, 0, T0), Report("web", ReportState.Paused, 0, T0 + 5000, 5000), Report("web", ReportState.Paused, 0, T0 + 65000, 5000));
        Assert.Equal(T0 + 5000, state.OwnerSession!.PausedSinceMs);
    }
}
