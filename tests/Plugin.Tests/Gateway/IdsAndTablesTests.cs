using Navidrome.DiscordPresence.Domain.Gateway;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

public class IdsAndTablesTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("a:b:c")]
    [InlineData("名前 with spaces")]
    public void Connection_ids_name_the_user_and_generation_for_any_username(string user)
    {
        Assert.True(GatewayIds.TryParseConnection(GatewayIds.Connection(user, 7), out var parsed, out var generation));
        Assert.Equal((user, 7), (parsed, generation));
    }

    [Fact]
    public void Schedule_ids_round_trip_every_kind()
    {
        foreach (var kind in Enum.GetValues<TimerKind>())
        {
            Assert.True(GatewayIds.TryParseSchedule(GatewayIds.Schedule(kind, 1_800_000_000_123, "bob:x"), out var k, out var n, out var u));
            Assert.Equal((kind, 1_800_000_000_123L, "bob:x"), (k, n, u));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("heartbeat")]
    [InlineData("hb:x:alice")]
    [InlineData("nope:1:alice")]
    [InlineData("hb:1:")]
    public void Foreign_schedule_ids_are_not_ours(string id) => Assert.False(GatewayIds.TryParseSchedule(id, out _, out _, out _));

    [Theory]
    [InlineData(4000, AfterClose.Resume)]
    [InlineData(4001, AfterClose.Resume)]
    [InlineData(4002, AfterClose.Resume)]
    [InlineData(4003, AfterClose.Identify)]
    [InlineData(4004, AfterClose.Stop)]
    [InlineData(4005, AfterClose.Resume)]
    [InlineData(4007, AfterClose.Identify)]
    [InlineData(4008, AfterClose.Resume)]
    [InlineData(4009, AfterClose.Identify)]
    [InlineData(4010, AfterClose.Stop)]
    [InlineData(4011, AfterClose.Stop)]
    [InlineData(4012, AfterClose.Stop)]
    [InlineData(4013, AfterClose.Stop)]
    [InlineData(4014, AfterClose.Stop)]
    [InlineData(4015, AfterClose.IdentifyLater)]
    [InlineData(4016, AfterClose.Identify)]
    [InlineData(1000, AfterClose.Identify)]
    [InlineData(1001, AfterClose.Identify)]
    [InlineData(1006, AfterClose.Resume)]
    public void Close_codes_follow_Discords_table(int code, AfterClose expected) => Assert.Equal(expected, CloseCodes.Classify(code));

    [Fact]
    public void Backoff_grows_with_attempts_stays_capped_and_jitters()
    {
        Assert.InRange(Backoff.DelaySeconds(1, 0), 1, 2);
        Assert.True(Backoff.DelaySeconds(5, 0.5) > Backoff.DelaySeconds(2, 0.5));
        for (var attempt = 1; attempt < 40; attempt++)
            Assert.InRange(Backoff.DelaySeconds(attempt, 0.999), 1, Backoff.MaxSeconds);
        Assert.NotEqual(Backoff.DelaySeconds(8, 0), Backoff.DelaySeconds(8, 0.9));
    }
}
