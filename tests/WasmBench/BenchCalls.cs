using Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>The calls measured: the ones Navidrome makes most per listener (a heartbeat ACK frame above all).</summary>
internal static class BenchCalls
{
    private const string User = "alice";
    private static readonly string Connection = GatewayIds.Connection(User, 1);

    public static readonly IReadOnlyDictionary<string, string> Config = new Dictionary<string, string>
    {
        ["clientid"] = "1234567890123456789",
        ["users"] = """[{"username":"alice","token":"bench.token.value"},{"username":"bob","token":"bench.token.other"}]""",
    };

    public static readonly IReadOnlyList<(string Export, string Input)> All =
    [
        ("nd_websocket_on_text_message", $$$"""{"connectionId":"{{{Connection}}}","message":"{\"op\":11,\"d\":null}"}"""),
        ("nd_scrobbler_playback_report", """{"username":"alice","track":{"id":"t1","title":"Blue in Green","album":"Kind of Blue","artist":"Miles Davis","albumArtist":"Miles Davis","duration":337.5},"state":"playing","positionMs":12000,"playbackRate":1,"playerId":"p","playerName":"web","timestamp":1800000000}"""),
        ("nd_scrobbler_is_authorized", """{"username":"alice"}"""),
    ];

    public static string Label(string export, string input) => export switch
    {
        "nd_websocket_on_text_message" => "heartbeat ACK frame",
        "nd_scrobbler_playback_report" => "playback report",
        "nd_scrobbler_is_authorized" => "is_authorized",
        _ => export,
    };

    /// <summary>Host answers: nothing cached or stored yet, every write accepted.</summary>
    public static string Answer(string function, string request) => function switch
    {
        "scheduler_scheduleonetime" or "scheduler_schedulerecurring" => """{"newScheduleId":"s"}""",
        "websocket_connect" => $$"""{"newConnectionId":"{{Connection}}"}""",
        _ => "{}",
    };
}
