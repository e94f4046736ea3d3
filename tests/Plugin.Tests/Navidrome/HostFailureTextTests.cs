using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Exports.Host;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Navidrome;

/// <summary>Navidrome's error texts for calls that name an id, as plugins/host_websocket.go and plugins/host_scheduler.go word them.</summary>
public class HostFailureTextTests
{
    [Theory]
    [InlineData("connection ID \"drp:3:alice\" already exists")]
    [InlineData("schedule ID \"flush:1800000020000:alice\" already exists")]
    [InlineData("failed to schedule: schedule ID \"wake:1:bob\" already exists")]
    public void A_taken_id_is_already_exists(string text) =>
        Assert.Equal(new HostFailure.AlreadyExists(text), HostFailureText.Classify(text));

    [Theory]
    [InlineData("connection ID \"drp:3:alice\" not found")]
    [InlineData("schedule ID \"hb:2:alice\" not found")]
    public void A_gone_id_is_not_found(string text) =>
        Assert.Equal(new HostFailure.NotFound(text), HostFailureText.Classify(text));

    [Theory]
    [InlineData("failed to connect: dial tcp: i/o timeout")]
    [InlineData("artwork not found")]
    [InlineData("websocket: close 4004: Authentication failed.")]
    [InlineData("injected failure of scheduler_scheduleonetime")]
    [InlineData("")]
    public void Anything_else_is_a_plain_failure_with_its_text(string text) =>
        Assert.Equal(new HostFailure.Failed(text), HostFailureText.Classify(text));

    [Fact]
    public void Kinds_with_the_same_text_differ()
    {
        HostFailure taken = new HostFailure.AlreadyExists("x"), gone = new HostFailure.NotFound("x");
        Assert.NotEqual(taken, gone);
        Assert.Equal("x", gone.Text);
    }
}
