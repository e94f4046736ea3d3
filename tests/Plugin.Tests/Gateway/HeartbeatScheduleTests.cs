using Navidrome.DiscordPresence.Domain.Gateway;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

/// <summary>How often the recurring heartbeat schedule fires: never faster than Discord's Hello allows, never "every 0 s".</summary>
public sealed class HeartbeatScheduleTests
{
    [Theory]
    [InlineData(41_250, 41)]
    [InlineData(1_000, 5)]
    [InlineData(900_000, 300)]
    public void The_schedule_follows_Hellos_interval_clamped(int intervalMs, int everySeconds) =>
        Assert.Equal(everySeconds, GatewaySession.BeatEverySeconds(SessionState.Initial with { HeartbeatIntervalMs = intervalMs }));

    [Fact]
    public void A_session_whose_Hello_was_not_stored_beats_at_Discords_usual_interval_not_every_second() =>
        Assert.Equal(41, GatewaySession.BeatEverySeconds(SessionState.Initial));
}
