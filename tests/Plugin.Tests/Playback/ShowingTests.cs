using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Tests.Simulation;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Playback;

public class ShowingTests
{
    private const long T0 = 1_800_000_000_000;
    private static readonly HostFacts Modern = new(true);

    private static PlaybackState Paused(long sinceMs) => new[]
    {
        new PlaybackReport(Tracks.Get(0), ReportState.Playing, 0, 1, "web", "web", sinceMs - 10_000),
        new PlaybackReport(Tracks.Get(0), ReportState.Paused, 10_000, 1, "web", "web", sinceMs),
    }.Aggregate(PlaybackState.Empty, PlaybackRules.Apply);

    [Fact]
    public void A_paused_track_shows_frozen_until_the_pause_timeout_then_nothing()
    {
        var config = WorldGen.Config(PauseMode.Frozen, pauseTimeoutMinutes: 10);
        var state = Paused(T0);
        Assert.True(Showing.At(state, NowPlayingState.Empty, Modern, config, T0 + 599_999)!.Paused);
        Assert.Null(Showing.At(state, NowPlayingState.Empty, Modern, config, T0 + 600_000));
        Assert.Equal(T0 + 600_000, Showing.NextChangeMs(state, NowPlayingState.Empty, Modern, config, T0));
    }

    [Fact]
    public void Pause_mode_clear_shows_nothing_while_paused() =>
        Assert.Null(Showing.At(Paused(T0), NowPlayingState.Empty, Modern, WorldGen.Config(PauseMode.Clear), T0 + 1));

    [Fact]
    public void A_pause_timeout_of_zero_keeps_the_pause_while_Navidrome_does()
    {
        var config = WorldGen.Config(PauseMode.Frozen, 0);
        Assert.NotNull(Showing.At(Paused(T0), NowPlayingState.Empty, Modern, config, T0 + Showing.PausedTrustMs - 1));
        Assert.Null(Showing.At(Paused(T0), NowPlayingState.Empty, Modern, config, T0 + Showing.PausedTrustMs));
    }

    [Fact]
    public void A_reported_play_ends_ten_seconds_after_its_implied_end_even_without_an_expired_report()
    {
        var playing = new[] { new PlaybackReport(Tracks.Get(1), ReportState.Playing, 61_000, 1, "web", "web", T0) }
            .Aggregate(PlaybackState.Empty, PlaybackRules.Apply);
        var end = T0 + 200_000 + Showing.ReportEndGraceMs;
        Assert.NotNull(Showing.At(playing, NowPlayingState.Empty, Modern, WorldGen.Config(), end - 1));
        Assert.Null(Showing.At(playing, NowPlayingState.Empty, Modern, WorldGen.Config(), end));
        Assert.Equal(end, Showing.NextChangeMs(playing, NowPlayingState.Empty, Modern, WorldGen.Config(), T0));
    }

    [Fact]
    public void NowPlaying_shows_until_five_seconds_after_the_implied_end()
    {
        var track = Tracks.Get(1); // 261 s
        var np = NowPlayingRules.Apply(NowPlayingState.Empty, track, 61_000, T0);
        var config = WorldGen.Config();
        var end = T0 + 200_000 + NowPlayingState.EndGraceMs;
        Assert.NotNull(Showing.At(PlaybackState.Empty, np, HostFacts.Unknown, config, end - 1));
        Assert.Null(Showing.At(PlaybackState.Empty, np, HostFacts.Unknown, config, end));
        Assert.Equal(end, Showing.NextChangeMs(PlaybackState.Empty, np, HostFacts.Unknown, config, T0));
    }

    [Fact]
    public void Once_the_host_sends_playback_reports_NowPlaying_is_ignored()
    {
        var np = NowPlayingRules.Apply(NowPlayingState.Empty, Tracks.Get(1), 0, T0);
        Assert.Null(Showing.At(PlaybackState.Empty, np, Modern, WorldGen.Config(), T0 + 1));
    }
}
