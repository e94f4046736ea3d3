using Navidrome.DiscordPresence.Exports.Navidrome;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Navidrome;

public class SocketErrorTextTests
{
    [Theory]
    [InlineData("websocket: close 4004: Authentication failed.", 4004, "Authentication failed.")]
    [InlineData("websocket: close 1006 (abnormal closure): unexpected EOF", 1006, "unexpected EOF")]
    [InlineData("read failed: websocket: close 4009: Session timed out.", 4009, "Session timed out.")]
    [InlineData("websocket: close 4000", 4000, "")]
    public void Gorilla_close_errors_carry_their_code(string text, int code, string reason)
    {
        Assert.True(SocketErrorText.TryReadClose(text, out var c, out var r));
        Assert.Equal((code, reason), (c, r));
    }

    [Theory]
    [InlineData("read tcp 127.0.0.1:1->127.0.0.1:2: read: connection reset by peer")]
    [InlineData("websocket: close sent")]
    [InlineData("")]
    public void Other_errors_have_no_code(string text) => Assert.False(SocketErrorText.TryReadClose(text, out _, out _));
}
