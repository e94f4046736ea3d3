using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports;
using Navidrome.DiscordPresence.Harness;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Navidrome;

public class ExportCallsTests
{
    private const string Token = "MTA5ODc2NTQzMjEw.GaBcDe.export-secret";
    private static readonly Dictionary<string, string> Config = new()
    {
        ["clientid"] = "1234567890123456789",
        ["users"] = $$"""[{"username":"alice","token":"{{Token}}"},{"username":"bob","token":""}]""",
    };

    private static (CallResult Result, RecordingHost Host) Call(string export, string input, Dictionary<string, string>? config = null)
    {
        var host = new RecordingHost(config ?? Config);
        return (new ManagedPluginRunner().Call(export, Encoding.UTF8.GetBytes(input), host), host);
    }

    [Theory]
    [InlineData("alice", "true")]
    [InlineData("bob", "false")]     // a user whose entry is broken is not served
    [InlineData("carol", "false")]   // not configured
    public void Is_authorized_answers_JSON_true_only_for_configured_users(string user, string expected)
    {
        var (result, _) = Call(ExportNames.IsAuthorized, $$"""{"username":"{{user}}"}""");
        Assert.True(result.Succeeded);
        Assert.Equal(expected, Encoding.UTF8.GetString(result.Output));
    }

    [Fact]
    public void Nobody_is_authorized_without_a_valid_client_id()
    {
        var (result, _) = Call(ExportNames.IsAuthorized, """{"username":"alice"}""", new(Config) { ["clientid"] = "nope" });
        Assert.Equal("false", Encoding.UTF8.GetString(result.Output));
    }

    [Fact]
    public void Exports_without_a_result_write_no_output()
    {
        Assert.Empty(Call(ExportNames.Scrobble, """{"username":"alice"}""").Result.Output);
        var (init, _) = Call(ExportNames.OnInit, "{}");
        Assert.True(init.Succeeded);
        Assert.Empty(init.Output);
    }

    [Fact]
    public void An_unknown_export_is_not_implemented() =>
        Assert.Equal(-2, Call("nd_something_else", "{}").Result.ReturnCode);

    [Fact]
    public void Init_logs_each_config_problem_once_naming_the_key_and_never_the_token()
    {
        var config = new Dictionary<string, string>(Config) { ["onlinestatus"] = "busy", ["users"] = $$"""[{"username":"alice","token":"Bearer {{Token}}"}]""" };
        var (result, host) = Call(ExportNames.OnInit, "{}", config);
        Assert.True(result.Succeeded);
        var errors = host.Logs.Where(l => l.Level == LogLevel.Error).Select(l => l.Message).ToArray();
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, e => e.StartsWith("config key 'onlinestatus'", StringComparison.Ordinal));
        Assert.Contains("config key 'users' (user 'alice'): has a token with a 'Bot'/'Bearer' prefix; a user token is pasted without one", errors);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("export-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Init_wakes_each_configured_user_in_a_call_of_their_own()
    {
        var (_, host) = Call(ExportNames.OnInit, "{}");
        var schedules = host.Calls.Where(c => c.Function == "scheduler_scheduleonetime").ToArray();
        Assert.Single(schedules);
        Assert.Contains("alice", schedules[0].Request);
    }

    [Fact]
    public void A_wake_up_the_scheduler_refuses_at_init_is_replaced_by_a_recheck_for_that_user()
    {
        var refusals = 0;
        var host = new RecordingHost(Config)
        {
            Answer = (function, request) => function == "scheduler_scheduleonetime" && request.Contains("wake:", StringComparison.Ordinal) && refusals++ == 0
                ? """{"error":"scheduler unavailable"}"""
                : "{}",
        };
        Assert.True(new ManagedPluginRunner().Call(ExportNames.OnInit, "{}"u8.ToArray(), host).Succeeded);
        var schedules = host.Calls.Where(c => c.Function == "scheduler_scheduleonetime").Select(c => c.Request).ToArray();
        Assert.Equal(2, schedules.Length);
        Assert.Contains("recheck", schedules[1]);
        Assert.Contains("alice", schedules[1]);
    }

    [Theory]
    [InlineData(ExportNames.PlaybackReport, "not json")]
    [InlineData(ExportNames.PlaybackReport, """{"username":"alice","state":"dancing","track":{"id":"t"}}""")]
    [InlineData(ExportNames.NowPlaying, """{"username":"alice"}""")]
    [InlineData(ExportNames.IsAuthorized, "{}")]
    public void Malformed_input_fails_the_call_with_a_message_naming_the_export(string export, string input)
    {
        var (result, host) = Call(export, input);
        Assert.False(result.Succeeded);
        Assert.Contains(export, result.Error);
        Assert.DoesNotContain(Token, result.Error);
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains(Token, StringComparison.Ordinal));
    }

    private static string Frame(string frame) =>
        $$"""{"connectionId":"{{Domain.Gateway.GatewayIds.Connection("alice", 1)}}","message":{{System.Text.Json.JsonSerializer.Serialize(frame)}}}""";

    private const string SessionsReplace =
        """{"t":"SESSIONS_REPLACE","s":5,"op":0,"d":[{"session_id":"desktop","status":"online","activities":[{"type":2,"name":"Spotify","id":"spotify:1"}]}]}""";

    [Fact]
    public void An_ACK_and_an_unused_dispatch_read_no_config_key_whatever_the_stand_down_switch()
    {
        foreach (var frame in new[] { """{"op":11,"d":null}""", """{"t":"MESSAGE_CREATE","s":4,"op":0,"d":{"content":"hi"}}""" })
        {
            var (result, host) = Call(ExportNames.OnTextMessage, Frame(frame));
            Assert.True(result.Succeeded);
            Assert.Empty(host.ConfigReads);
        }
    }

    [Fact]
    public void A_sessions_list_reads_the_switch_and_the_client_id_once_and_only_the_session_from_the_cache()
    {
        var (result, host) = Call(ExportNames.OnTextMessage, Frame(SessionsReplace));
        Assert.True(result.Succeeded);
        Assert.Equal(["yieldtootherapps", "clientid"], host.ConfigReads);
        Assert.Equal(["cache_getstring"], host.Calls.Where(c => c.Function.Contains("get", StringComparison.Ordinal)).Select(c => c.Function));
        Assert.Contains("gw/alice", host.Calls.Single(c => c.Function == "cache_getstring").Request);
    }

    [Fact]
    public void With_the_switch_off_a_sessions_list_is_an_unused_dispatch_after_one_config_key()
    {
        var (result, host) = Call(ExportNames.OnTextMessage, Frame(SessionsReplace), new(Config) { ["yieldtootherapps"] = "false" });
        Assert.True(result.Succeeded);
        Assert.Equal(["yieldtootherapps"], host.ConfigReads);
        Assert.DoesNotContain(host.Calls, c => c.Function.Contains("get", StringComparison.Ordinal));
    }

    [Fact]
    public void READY_reads_each_config_key_once_though_the_frame_reader_asked_for_two_first()
    {
        var (result, host) = Call(ExportNames.OnTextMessage, Frame(
            """{"t":"READY","s":1,"op":0,"d":{"sessions":[],"session_id":"s1","resume_gateway_url":"wss://r.discord.gg"}}"""));
        Assert.True(result.Succeeded);
        Assert.Equal(["yieldtootherapps", "clientid"], host.ConfigReads.Take(2));
        Assert.Equal(host.ConfigReads.Distinct(), host.ConfigReads);
    }
}
