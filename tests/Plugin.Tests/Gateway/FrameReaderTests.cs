using System.Text;
using Navidrome.DiscordPresence.Domain.Gateway;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Gateway;

public class FrameReaderTests
{
    private static InboundFrame Read(string json) => FrameReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Hello_gives_the_heartbeat_interval_whatever_the_field_order() =>
        Assert.Equal(new InboundFrame.Hello(41250), Read("""{"t":null,"s":null,"d":{"heartbeat_interval":41250,"_trace":["x"]},"op":10}"""));

    [Fact]
    public void Ready_keeps_sequence_session_and_resume_url_and_skips_the_rest() =>
        Assert.Equal(
            new InboundFrame.Dispatch(1, "READY", new ReadyInfo("abc", "wss://gateway-us-east1-b.discord.gg")),
            Read("""{"t":"READY","s":1,"op":0,"d":{"v":10,"user":{"id":"1","username":"x","flags":[1,2,{"a":null}]},"guilds":[],"session_id":"abc","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg","sessions":[{}]}}"""));

    [Fact]
    public void Other_dispatches_keep_only_sequence_and_type() =>
        Assert.Equal(new InboundFrame.Dispatch(42, "MESSAGE_CREATE", null), Read("""{"op":0,"s":42,"t":"MESSAGE_CREATE","d":{"content":"hi"}}"""));

    [Theory]
    [InlineData("""{"op":11}""", typeof(InboundFrame.HeartbeatAck))]
    [InlineData("""{"op":1,"d":5}""", typeof(InboundFrame.HeartbeatRequest))]
    [InlineData("""{"op":7,"d":null}""", typeof(InboundFrame.Reconnect))]
    public void Control_opcodes_are_recognised(string json, Type expected) => Assert.IsType(expected, Read(json));

    [Theory]
    [InlineData("""{"op":9,"d":true}""", true)]
    [InlineData("""{"op":9,"d":false}""", false)]
    [InlineData("""{"op":9}""", false)]
    public void Invalid_session_reads_its_resumable_flag(string json, bool resumable) =>
        Assert.Equal(new InboundFrame.InvalidSession(resumable), Read(json));

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"s":1}""")]
    [InlineData("""{"op":"ten"}""")]
    [InlineData("""{"op":10,"d":{}}""")]
    [InlineData("""{"op":0,"s":1""")]
    public void Malformed_frames_are_reported_not_thrown(string json) => Assert.IsType<InboundFrame.Malformed>(Read(json));

    [Fact]
    public void Unknown_opcodes_are_named() => Assert.Equal(new InboundFrame.Unknown(42), Read("""{"op":42,"d":{}}"""));
}
