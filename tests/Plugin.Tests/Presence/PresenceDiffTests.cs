using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects.Discord;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Presence;

public class PresenceDiffTests
{
    private static PresenceUpdate At(long start, string details = "Song", string status = "online") =>
        new([new Activity("Navidrome", 2, "1", details, null, "Artist", null, 2, new ActivityTimestamps(start, start + 180_000), null)], status);

    [Theory]
    [InlineData(0, false)]
    [InlineData(2000, false)]
    [InlineData(-2000, false)]
    [InlineData(2001, true)]
    [InlineData(-30_000, true)]
    public void Drift_within_two_seconds_is_no_change_a_seek_is(long shift, bool differs) =>
        Assert.Equal(differs, PresenceDiff.Differs(At(1_000_000), At(1_000_000 + shift)));

    [Fact]
    public void Any_other_field_or_the_status_is_a_change()
    {
        Assert.True(PresenceDiff.Differs(At(0), At(0, details: "Other")));
        Assert.True(PresenceDiff.Differs(At(0), At(0, status: "idle")));
        Assert.True(PresenceDiff.Differs(At(0), PresenceUpdate.Clear("online")));
        Assert.False(PresenceDiff.Differs(PresenceUpdate.Clear("online"), PresenceUpdate.Clear("online")));
        Assert.True(PresenceDiff.Differs(null, PresenceUpdate.Clear("online")));
    }

    [Fact]
    public void Pausing_removes_the_timestamps_and_that_is_a_change()
    {
        var playing = At(0);
        var paused = new PresenceUpdate([playing.Activities[0] with { Timestamps = null }], "online");
        Assert.True(PresenceDiff.Differs(playing, paused));
        Assert.True(PresenceDiff.Differs(paused, playing));
    }
}
