using System.Text;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports;
using Navidrome.DiscordPresence.Exports.State;
using Navidrome.DiscordPresence.Harness;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Navidrome;

/// <summary>A read the host fails is not "nothing stored": the call stops with one warning instead of deciding from initial state.</summary>
public class FailedReadTests
{
    private const string Report = """{"username":"alice","track":{"id":"t1","title":"Blue in Green","artist":"Miles Davis","album":"Kind of Blue","duration":337},"state":"playing","positionMs":1000,"playbackRate":1,"playerId":"p1","playerName":"Web","timestamp":1764000000}""";

    private static RecordingHost Run(Func<string, string, string> answer)
    {
        var host = new RecordingHost(new Dictionary<string, string>
        {
            ["clientid"] = "1234567890123456789",
            ["users"] = """[{"username":"alice","token":"failed-read-token"}]""",
        }) { Answer = answer };
        Assert.True(new ManagedPluginRunner().Call(ExportNames.PlaybackReport, Encoding.UTF8.GetBytes(Report), host).Succeeded);
        return host;
    }

    [Fact]
    public void A_report_whose_state_cannot_be_read_writes_nothing_connects_nothing_and_says_so_once()
    {
        var host = Run((function, _) => function == "kvstore_get" ? """{"error":"kvstore: database is locked"}""" : "{}");
        Assert.DoesNotContain(host.Calls, c => c.Function is "kvstore_set" or "cache_setstring" or "websocket_connect" or "http_send");
        Assert.Equal(StateStore.ReadAttempts, host.Calls.Count(c => c.Function == "kvstore_get"));
        var warning = Assert.Single(host.Logs, l => l.Level >= LogLevel.Warn);
        Assert.Contains("could not read stored state 'pb/alice' (kvstore: database is locked)", warning.Message);
        Assert.DoesNotContain("failed-read-token", warning.Message);
    }

    [Fact]
    public void A_read_that_fails_once_is_tried_again_and_the_call_goes_on()
    {
        var failed = false;
        var host = Run((function, _) =>
        {
            if (function != "kvstore_get" || failed) return function == "kvstore_get" ? """{"exists":false}""" : "{}";
            failed = true;
            return """{"error":"kvstore: database is locked"}""";
        });
        Assert.Contains(host.Calls, c => c.Function == "kvstore_set");
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("could not read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_write_that_fails_once_is_tried_again_without_a_warning()
    {
        var failed = false;
        var host = Run((function, _) =>
        {
            if (function == "kvstore_get") return """{"exists":false}""";
            if (function != "kvstore_set" || failed) return "{}";
            failed = true;
            return """{"error":"kvstore: database is locked"}""";
        });
        Assert.Equal(2, host.Calls.Count(c => c.Function == "kvstore_set" && c.Request.Contains("pb/alice", StringComparison.Ordinal)));
        Assert.DoesNotContain(host.Logs, l => l.Message.Contains("pb/alice", StringComparison.Ordinal));
    }

    [Fact]
    public void A_playback_write_that_keeps_failing_is_tried_three_times_and_named_in_one_warning()
    {
        var host = Run((function, request) => function switch
        {
            "kvstore_get" => """{"exists":false}""",
            "kvstore_set" when request.Contains("pb/alice", StringComparison.Ordinal) => """{"error":"kvstore: database is locked"}""",
            _ => "{}",
        });
        Assert.Equal(Interpreter.WriteAttempts, host.Calls.Count(c => c.Function == "kvstore_set" && c.Request.Contains("pb/alice", StringComparison.Ordinal)));
        var warning = Assert.Single(host.Logs, l => l.Message.Contains("pb/alice", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Warn, warning.Level);
        Assert.Contains("storing 'pb/alice' failed 3 times (kvstore: database is locked)", warning.Message);
        // The call goes on: the presence is still shown from what it decided.
        Assert.Contains(host.Calls, c => c.Function == "websocket_connect");
    }
}
