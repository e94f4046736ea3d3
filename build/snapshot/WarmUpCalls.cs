using Navidrome.DiscordPresence.Domain.Gateway;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>
/// What the warm-up runs: one representative call of every export, in the order a listening session makes them
/// (the session identifies, reaches READY, sends a presence and heartbeats), with config, inputs and host answers
/// that carry a sentinel string. After the snapshot the sentinel must be nowhere in the module: nothing from the
/// warm-up is kept but the runtime's own state (the clean-up in host.c and WasmEntry clears what calls leave behind).
/// </summary>
internal static class WarmUpCalls
{
    /// <summary>Marks every value the warm-up invents; the snapshot is refused if it finds this.</summary>
    public const string Sentinel = "WARMUPSENTINEL";

    public const string User = "warmupsentineluser";

    public static readonly IReadOnlyDictionary<string, string> Config = new Dictionary<string, string>
    {
        ["clientid"] = "1234567890123456789",
        ["users"] = $$"""[{"username":"{{User}}","token":"{{Sentinel}}.token.value"}]""",
        ["caaenabled"] = "true",
        ["activityname"] = "Custom",
        ["activitynametemplate"] = "{track} " + Sentinel,
    };

    private static readonly string Connection = GatewayIds.Connection(User, 1);
    private static readonly string Track =
        $$"""{"id":"{{Sentinel}}-track","title":"{{Sentinel}} title","album":"{{Sentinel}} album","artist":"{{Sentinel}} artist","albumArtist":"{{Sentinel}}","duration":241.5,"mbzAlbumId":"{{Sentinel}}-release"}""";

    /// <summary>The calls, in order: export name and input JSON.</summary>
    public static readonly IReadOnlyList<(string Export, string Input)> All =
    [
        ("nd_on_init", "{}"),
        ("nd_scrobbler_is_authorized", $$"""{"username":"{{User}}"}"""),
        ("nd_scrobbler_playback_report", $$"""{"username":"{{User}}","track":{{Track}},"state":"playing","positionMs":12000,"playbackRate":1,"playerId":"p","playerName":"{{Sentinel}} player","timestamp":1800000000}"""),
        ("nd_scrobbler_now_playing", $$"""{"username":"{{User}}","track":{{Track}},"position":12}"""),
        ("nd_websocket_on_text_message", $$$"""{"connectionId":"{{{Connection}}}","message":"{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}"}"""),
        ("nd_websocket_on_text_message", $$$"""{"connectionId":"{{{Connection}}}","message":"{\"t\":\"READY\",\"s\":1,\"op\":0,\"d\":{\"session_id\":\"{{{Sentinel}}}\",\"resume_gateway_url\":\"wss://{{{Sentinel}}}.discord.gg\"}}"}"""),
        ("nd_websocket_on_text_message", $$$"""{"connectionId":"{{{Connection}}}","message":"{\"t\":\"MESSAGE_CREATE\",\"s\":2,\"op\":0,\"d\":{\"content\":\"{{{Sentinel}}}\"}}"}"""),
        ("nd_websocket_on_text_message", $$$"""{"connectionId":"{{{Connection}}}","message":"{\"op\":11,\"d\":null}"}"""),
        ("nd_scheduler_callback", $$"""{"scheduleId":"{{GatewayIds.Schedule(TimerKind.Heartbeat, 1, User)}}","payload":"","isRecurring":true}"""),
        ("nd_websocket_on_error", $$"""{"connectionId":"{{Connection}}","error":"websocket: close 4000: {{Sentinel}}"}"""),
        ("nd_websocket_on_close", $$"""{"connectionId":"{{Connection}}","code":1000,"reason":"{{Sentinel}}"}"""),
        ("nd_scrobbler_scrobble", $$"""{"username":"{{User}}","track":{{Track}},"timestamp":1800000000}"""),
    ];

    /// <summary>
    /// Host answers with memory, so each call sees what the previous ones stored (the session reaches READY and sends a
    /// presence, as it would for real): cache and KV store kept in dictionaries, every write accepted, a gateway URL.
    /// </summary>
    public static Func<string, string, string> StatefulAnswers()
    {
        var stored = new Dictionary<string, string>();
        return (function, request) =>
        {
            using var json = System.Text.Json.JsonDocument.Parse(request);
            var root = json.RootElement;
            string Key() => root.GetProperty("key").GetString()!;
            switch (function)
            {
                case "cache_getstring":
                case "kvstore_get":
                    return stored.TryGetValue(function[..2] + Key(), out var value)
                        ? System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["value"] = value, ["exists"] = true })
                        : "{}";
                case "cache_setstring":
                case "kvstore_set":
                    stored[function[..2] + Key()] = root.GetProperty("value").GetString()!;
                    return "{}";
                case "cache_remove":
                case "kvstore_delete":
                    stored.Remove(function[..2] + Key());
                    return "{}";
                case "http_send" when request.Contains("/gateway", StringComparison.Ordinal):
                    return """{"result":{"statusCode":200,"body":"eyJ1cmwiOiJ3c3M6Ly9nYXRld2F5LmRpc2NvcmQuZ2cifQ=="}}"""; // {"url":"wss://gateway.discord.gg"}
                case "scheduler_scheduleonetime":
                case "scheduler_schedulerecurring":
                    return $$"""{"newScheduleId":"{{root.GetProperty("scheduleId").GetString()}}"}""";
                default:
                    return "{}";
            }
        };
    }
}
