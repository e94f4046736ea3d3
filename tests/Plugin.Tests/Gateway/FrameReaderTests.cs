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

/// <summary>
/// The other sessions' Listening activities, read from READY's <c>sessions</c> and SESSIONS_REPLACE's list (shapes:
/// docs/discord-gateway.md, "Other players") only while <c>yieldtootherapps</c> is on.
/// </summary>
public class SessionsScanTests
{
    private const string Ours = "1234567890123456789";

    private static InboundFrame Read(string json, string? application = Ours) =>
        FrameReader.Read(Encoding.UTF8.GetBytes(json), () => application);

    /// <summary>A user's sessions as Discord lists them: a desktop client with Spotify, a phone, ours, our old session, and the overall one.</summary>
    private const string Sessions = """
        [
          {"session_id":"8a1c0d3f5e7b9a2c4d6e8f0a1b3c5d7e","status":"online","active":true,
           "client_info":{"client":"desktop","os":"windows","version":0},
           "activities":[
             {"type":4,"name":"Custom Status","state":"brb","id":"custom","created_at":1767268800000},
             {"type":2,"name":"Spotify","id":"spotify:1","flags":48,"sync_id":"4uLU6hMCjMI75M1A2tKUQC","party":{"id":"spotify:10000000000000001"},
              "details":"So What","state":"Miles Davis","timestamps":{"start":1767268800000,"end":1767269340000},
              "assets":{"large_image":"spotify:ab67616d0000b273","large_text":"Kind of Blue"},"created_at":1767268800000}
           ],
           "hidden_activities":[]},
          {"session_id":"f0e1d2c3b4a5968778695a4b3c2d1e0f","status":"idle","client_info":{"client":"mobile","os":"android","version":0},"activities":[]},
          {"session_id":"ours-now","status":"online","client_info":{"client":"desktop","os":"linux","version":0},
           "activities":[{"type":2,"name":"Navidrome","application_id":"1234567890123456789","details":"Blue in Green","created_at":1767268800000}]},
          {"session_id":"ours-before","status":"online","client_info":{"client":"desktop","os":"linux","version":0},
           "activities":[{"name":"Navidrome","application_id":"1234567890123456789","type":2}]},
          {"session_id":"all","status":"online","client_info":{"client":"unknown","os":"unknown","version":0},
           "activities":[{"type":2,"name":"Navidrome","application_id":"1234567890123456789"},{"type":2,"name":"Spotify","id":"spotify:1"}]}
        ]
        """;

    [Fact]
    public void Sessions_replace_keeps_each_other_players_Listening_activity_with_its_session() =>
        Assert.Equal(
            new InboundFrame.Dispatch(7, "SESSIONS_REPLACE", null, new ListeningSeen([new ListeningActivity("8a1c0d3f5e7b9a2c4d6e8f0a1b3c5d7e", "Spotify")])),
            Read($$"""{"t":"SESSIONS_REPLACE","s":7,"op":0,"d":{{Sessions}}}"""));

    [Fact]
    public void Ready_lists_the_sessions_before_or_after_its_own_id_and_both_are_read() =>
        Assert.All(
            [
                $$$"""{"t":"READY","s":1,"op":0,"d":{"v":10,"guilds":[{"id":"1","channels":[]}],"sessions":{{{Sessions}}},"session_id":"ours-now","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg"}}""",
                $$"""{"op":0,"d":{"session_id":"ours-now","resume_gateway_url":"wss://gateway-us-east1-b.discord.gg","user":{"id":"1"},"sessions":{{Sessions}},"relationships":[]},"s":1,"t":"READY"}""",
            ],
            json => Assert.Equal(
                new InboundFrame.Dispatch(1, "READY", new ReadyInfo("ours-now", "wss://gateway-us-east1-b.discord.gg"),
                    new ListeningSeen([new ListeningActivity("8a1c0d3f5e7b9a2c4d6e8f0a1b3c5d7e", "Spotify")])),
                Read(json)));

    [Fact]
    public void An_activity_without_our_application_id_on_our_own_session_is_listed_for_the_core_to_leave_out()
    {
        var frame = Assert.IsType<InboundFrame.Dispatch>(Read("""
            {"t":"SESSIONS_REPLACE","s":3,"op":0,"d":[{"session_id":"ours-now","activities":[{"type":2,"name":"Navidrome"}]}]}
            """));
        Assert.Null(frame.Listening!.OtherThan("ours-now"));
        Assert.Equal("Navidrome", frame.Listening.OtherThan("another-session"));
    }

    [Fact]
    public void Only_Listening_activities_count_and_nobody_else_listening_is_an_empty_list() =>
        Assert.Equal(
            new InboundFrame.Dispatch(3, "SESSIONS_REPLACE", null, ListeningSeen.Nothing),
            Read("""{"t":"SESSIONS_REPLACE","s":3,"op":0,"d":[{"session_id":"a","activities":[{"type":0,"name":"A game"},{"type":4,"name":"Custom Status"}]},{"session_id":"b"}]}"""));

    [Fact]
    public void With_the_switch_off_nothing_is_read_and_the_frames_are_as_before()
    {
        Assert.Equal(new InboundFrame.Dispatch(7, "SESSIONS_REPLACE", null), Read($$"""{"t":"SESSIONS_REPLACE","s":7,"op":0,"d":{{Sessions}}}""", application: null));
        Assert.Equal(
            new InboundFrame.Dispatch(1, "READY", new ReadyInfo("ours-now", "wss://r.discord.gg")),
            Read($$$"""{"t":"READY","s":1,"op":0,"d":{"session_id":"ours-now","resume_gateway_url":"wss://r.discord.gg","sessions":{{{Sessions}}}}}""", application: null));
    }

    [Fact]
    public void The_switch_is_asked_only_for_READY_and_SESSIONS_REPLACE()
    {
        var asked = 0;
        foreach (var json in new[] { """{"op":11}""", """{"op":0,"s":2,"t":"MESSAGE_CREATE","d":[]}""", """{"op":10,"d":{"heartbeat_interval":41250}}""" })
            FrameReader.Read(Encoding.UTF8.GetBytes(json), () => { asked++; return Ours; });
        Assert.Equal(0, asked);
    }

    [Theory]
    [InlineData("""{"t":"SESSIONS_REPLACE","s":3,"op":0,"d":{"id":"noise"}}""")]
    [InlineData("""{"t":"SESSIONS_REPLACE","s":3,"op":0,"d":[1,"x",null,{"session_id":5,"activities":[{"type":2,"name":"X"}]},{"session_id":"s","activities":{"type":2}}]}""")]
    public void Odd_shapes_read_as_nobody_else_listening(string json) =>
        Assert.Equal(ListeningSeen.Nothing, Assert.IsType<InboundFrame.Dispatch>(Read(json)).Listening);

    [Fact]
    public void A_long_name_is_cut_and_a_missing_one_named()
    {
        var frame = Assert.IsType<InboundFrame.Dispatch>(Read($$"""
            {"t":"SESSIONS_REPLACE","s":3,"op":0,"d":[{"session_id":"a","activities":[{"type":2,"name":"{{new string('x', 300)}}"},{"type":2}]}]}
            """));
        Assert.Equal([128, "another player".Length], frame.Listening!.Activities.Select(a => a.Name.Length));
    }
}
