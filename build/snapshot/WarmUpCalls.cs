using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>
/// What the warm-up runs. Every method a call runs for the first time in an instance is prepared by the interpreter
/// in that call, and Navidrome makes a fresh instance for every call: code the warm-up never ran is prepared again on
/// every call that needs it (measured: a live heartbeat ACK cost several times a fresh one before the warm-up covered
/// the live paths). So the warm-up plays whole listening sessions, the way Navidrome and Discord drive them: reports,
/// Hello, READY, the art lookup and every other timer the plugin arms, ACKs, heartbeats, unused dispatches, the
/// user's session list (an echo with nothing new, another player's Listening activity starting and ending, each with
/// the full decision it wakes), pause, a second track, stop, a dropped connection and its resume, a refused schedule and the recheck in its place, a call whose stored state
/// cannot be read, a failed presence send, a state write that keeps failing, a frame on a connection the stored session does not know. It does so twice, under two configs: everything
/// optional switched on, then only the required keys (the common case), each with its own user.
/// Every invented value carries a sentinel; after the snapshot the sentinel must be nowhere in the module.
/// </summary>
internal static class WarmUpCalls
{
    /// <summary>Marks every value the warm-up invents; the snapshot is refused if it finds this.</summary>
    public const string Sentinel = "WARMUPSENTINEL";

    public const string User = "warmupsentineluser";

    /// <summary>A user whose stored state the warm-up host never manages to read.</summary>
    public const string UnreadableUser = User + "x";

    /// <summary>Stands for the id of the connection the plugin opened last, filled in when the call is made.</summary>
    public const string CurrentConnection = "{connection}";

    /// <summary>A call to make: an export and its input, or every timer the plugin has armed and not yet seen fire.</summary>
    public sealed record Step(string Export, string Input)
    {
        public bool FiresTimers => Export == FireTimers;
    }

    /// <summary>Pseudo-export of a step that fires the timers armed so far, each once, in the order they were armed.</summary>
    public const string FireTimers = "(timers)";

    /// <summary>The configs of the two passes: every option on, then only what is required.</summary>
    public static readonly IReadOnlyList<(string User, IReadOnlyDictionary<string, string> Config)> Passes =
    [
        (User + "a", new Dictionary<string, string>
        {
            ["clientid"] = "1234567890123456789",
            ["users"] = $$"""[{"username":"{{User}}a","token":"{{Sentinel}}.token.a"},{"username":"{{User}}x","token":"{{Sentinel}}.token.x"}]""",
            ["caaenabled"] = "true",
            ["uguuenabled"] = "true",
            ["showlogo"] = "true",
            ["links"] = "spotify",
            ["activityname"] = "Custom",
            ["activitynametemplate"] = "{track} " + Sentinel,
            ["detailstemplate"] = "{track} ({album})",
            ["statetemplate"] = "{artist} ({year}) • {genre}",
            ["ignoredplayers"] = $$"""["{{Sentinel}} ignored"]""",
            ["pausetimeoutminutes"] = "10",
            // Two buttons: a link placeholder that starts the URL, text placeholders URL-encoded inside one.
            ["buttons"] = $$"""[{"label":"{{Sentinel}} {album}","url":"{spotifyurl}"},{"label":"{track}","url":"https://{{Sentinel}}.example.org/search?q={artist}+{track}"}]""",
        }),
        (User + "b", new Dictionary<string, string>
        {
            ["clientid"] = "1234567890123456789",
            ["users"] = $$"""[{"username":"{{User}}b","token":"{{Sentinel}}.token.b"}]""",
        }),
    ];

    /// <summary>The calls of one pass, for <paramref name="user"/>.</summary>
    public static IReadOnlyList<Step> Session(string user)
    {
        string Track(string id, string album) =>
            $$"""{"id":"{{Sentinel}}-{{id}}","title":"{{Sentinel}} title {{id}}","album":"{{Sentinel}} {{album}}","artist":"{{Sentinel}} artist","albumArtist":"{{Sentinel}}","artists":[{"id":"a1","name":"{{Sentinel}} artist"}],"albumArtists":[{"id":"a1","name":"{{Sentinel}}"}],"duration":241.5,"trackNumber":3,"discNumber":1,"mbzRecordingId":"{{Sentinel}}-rec-{{id}}","mbzAlbumId":"{{Sentinel}}-release-{{album}}","mbzReleaseGroupId":"{{Sentinel}}-rg"}""";
        string Report(string state, string track, long positionMs, string player = "p1") =>
            $$"""{"username":"{{user}}","track":{{track}},"state":"{{state}}","positionMs":{{positionMs}},"playbackRate":1,"playerId":"{{player}}","playerName":"{{Sentinel}} player","timestamp":1800000000}""";
        string Frame(string frame) =>
            $$"""{"connectionId":"{{CurrentConnection}}","message":{{JsonSerializer.Serialize(frame)}}}""";
        // Albums of their own per pass: the host keeps what the first pass stored, and a shared album's art would be
        // known already, leaving the second pass's art lookup (Navidrome's artwork URL, the default source) cold.
        var first = Track("t1", "album1" + user[^1]);
        var second = Track("t2", "album2" + user[^1]);
        var ready = $$$"""{"t":"READY","s":1,"op":0,"d":{"v":10,"user":{"id":"1","username":"{{{Sentinel}}}"},"guilds":[{"id":"2","unavailable":true}],"relationships":[],"private_channels":[],"sessions":[{"session_id":"{{{Sentinel}}}-other","status":"online","activities":[{"type":0,"name":"{{{Sentinel}}} game"}]}],"session_id":"{{{Sentinel}}}","resume_gateway_url":"wss://{{{Sentinel}}}.discord.gg"}}""";
        return
        [
            new("nd_on_init", "{}"),
            new("nd_scrobbler_is_authorized", $$"""{"username":"{{user}}"}"""),
            new("nd_scrobbler_playback_report", Report("starting", first, 0)),
            new("nd_scrobbler_playback_report", Report("playing", first, 1000)),
            new("nd_scrobbler_now_playing", $$"""{"username":"{{user}}","track":{{first}},"position":1}"""),
            new("nd_websocket_on_text_message", Frame("""{"op":10,"d":{"heartbeat_interval":41250},"s":null,"t":null}""")),
            new("nd_websocket_on_text_message", Frame(ready)),
            new(FireTimers, ""),
            new("nd_websocket_on_text_message", Frame($$$"""{"t":"MESSAGE_CREATE","s":2,"op":0,"d":{"content":"{{{Sentinel}}}"}}""")),
            new("nd_websocket_on_text_message", Frame($$"""{"t":"SESSIONS_REPLACE","s":3,"op":0,"d":[{"session_id":"{{Sentinel}}","status":"online","activities":[{"type":2,"name":"{{Sentinel}}","application_id":"1234567890123456789"}]}]}""")),
            new("nd_websocket_on_text_message", Frame($$"""{"t":"SESSIONS_REPLACE","s":4,"op":0,"d":[{"session_id":"{{Sentinel}}","status":"online","activities":[]},{"session_id":"{{Sentinel}}-other","status":"online","client_info":{"client":"desktop","os":"windows","version":0},"activities":[{"type":4,"name":"Custom Status"},{"type":2,"name":"{{Sentinel}} player","id":"spotify:1"}]},{"session_id":"all","activities":[{"type":2,"name":"{{Sentinel}} player"}]}]}""")),
            new(FireTimers, ""),
            new("nd_websocket_on_text_message", Frame($$"""{"t":"SESSIONS_REPLACE","s":5,"op":0,"d":[{"session_id":"{{Sentinel}}-other","status":"online","activities":[]}]}""")),
            new(FireTimers, ""),
            new("nd_websocket_on_text_message", Frame("""{"op":11,"d":null,"s":null,"t":null}""")),
            new("nd_websocket_on_text_message", Frame("""{"op":1,"d":null}""")),
            new(FireTimers, ""),
            new("nd_websocket_on_text_message", Frame("""{"op":11,"d":null}""")),
            new(FireTimers, ""),
            new("nd_scrobbler_playback_report", Report("playing", first, 31000)),
            new("nd_scrobbler_is_authorized", $$"""{"username":"{{user}}"}"""),
            new("nd_scrobbler_now_playing", $$"""{"username":"{{user}}","track":{{first}},"position":31}"""),
            new("nd_scrobbler_playback_report", Report("paused", first, 40000)),
            new("nd_scrobbler_playback_report", Report("playing", second, 0)),
            new(FireTimers, ""), // the second album's art lookup, while it is in focus
            new("nd_scrobbler_playback_report", Report("playing", first, 0, player: "")),
            new(FireTimers, ""),
            new("nd_websocket_on_text_message", Frame("""{"op":11,"d":null}""")),
            new("nd_scrobbler_playback_report", Report("stopped", first, 50000, player: "")),
            new("nd_scrobbler_playback_report", Report("stopped", second, 50000)),
            new(FireTimers, ""),
            new("nd_scrobbler_playback_report", Report("playing", second, 60000)),
            new("nd_websocket_on_error", $$"""{"connectionId":"{{CurrentConnection}}","error":"websocket: close 4000: {{Sentinel}}"}"""),
            new(FireTimers, ""),
            new("nd_websocket_on_text_message", Frame("""{"op":10,"d":{"heartbeat_interval":41250}}""")),
            new("nd_websocket_on_text_message", Frame("""{"t":"RESUMED","s":5,"op":0,"d":{}}""")),
            new("nd_websocket_on_text_message", Frame("""{"op":7,"d":null}""")),
            new("nd_websocket_on_close", $$"""{"connectionId":"{{CurrentConnection}}","code":1000,"reason":"{{Sentinel}}"}"""),
            new(FireTimers, ""),
            new("nd_websocket_on_text_message", Frame("""{"op":10,"d":{"heartbeat_interval":41250}}""")),
            new("nd_websocket_on_text_message", Frame("""{"op":9,"d":false}""")),
            new(FireTimers, ""),
            // A Hello on a connection newer than the stored session (its opening write was lost): closed, the next one opened.
            new("nd_websocket_on_text_message", $$"""{"connectionId":"drp:99:{{user}}","message":{{JsonSerializer.Serialize("""{"op":10,"d":{"heartbeat_interval":41250}}""")}}}"""),
            new("nd_websocket_on_binary_message", $$"""{"connectionId":"{{CurrentConnection}}","data":"AAAA"}"""),
            new("nd_scrobbler_scrobble", $$"""{"username":"{{user}}","track":{{first}},"timestamp":1800000000}"""),
            // The host fails every read of this user's state: the call stops with one warning.
            new("nd_scrobbler_now_playing", $$"""{"username":"{{UnreadableUser}}","track":{{first}},"position":1}"""),
        ];
    }

    /// <summary>
    /// Host answers with memory, so each call sees what the previous ones stored (the session reaches READY, looks up
    /// art and sends presences, as it would for real): cache and KV store kept in dictionaries, every write accepted,
    /// Discord's and the art services' answers, and a record of the connections opened and timers armed.
    /// </summary>
    public sealed class Host
    {
        private readonly Dictionary<string, string> stored = [];
        private readonly List<(string Id, string Payload, bool Recurring)> armed = [];
        private readonly HashSet<string> fired = [];
        private bool refusedOne;
        private int presenceSends, beatWriteFailures;

        /// <summary>The connection the plugin opened last.</summary>
        public string Connection { get; private set; } = "none";

        /// <summary>Timers armed and not yet fired, in the order they were armed; each is handed out once.</summary>
        public List<(string Id, string Payload, bool Recurring)> TakeTimers()
        {
            var due = armed.Where(t => fired.Add(t.Id)).ToList();
            armed.Clear();
            return due;
        }

        public string Answer(string function, string request)
        {
            var root = JsonNode.Parse(request)!.AsObject();
            string Key() => (string)root["key"]!;
            switch (function)
            {
                case "cache_getstring":
                case "kvstore_get":
                    if (Key().EndsWith("/" + UnreadableUser, StringComparison.Ordinal)) return $$"""{"error":"{{Sentinel}} read failed"}""";
                    return stored.TryGetValue(function[..2] + Key(), out var value)
                        ? JsonSerializer.Serialize(new Dictionary<string, object> { ["value"] = value, ["exists"] = true })
                        : """{"exists":false}""";
                case "cache_setstring":
                case "kvstore_set":
                    // The first write of a heartbeat record fails every attempt, so the retries and their warning are warmed too.
                    if (Key().StartsWith("beat/", StringComparison.Ordinal) && beatWriteFailures < 3)
                    {
                        beatWriteFailures++;
                        return $$"""{"error":"{{Sentinel}} write failed"}""";
                    }
                    stored[function[..2] + Key()] = (string)root["value"]!;
                    return "{}";
                case "websocket_sendtext":
                    // The second presence update fails (a broken connection): the core's answer closes it.
                    return ((string)root["message"]!).Contains("\"op\":3", StringComparison.Ordinal) && ++presenceSends == 2
                        ? $$"""{"error":"{{Sentinel}} failed to send text message"}"""
                        : "{}";
                case "cache_remove":
                case "kvstore_delete":
                    stored.Remove(function[..2] + Key());
                    return "{}";
                case "scheduler_scheduleonetime":
                case "scheduler_schedulerecurring":
                    var id = (string)root["scheduleId"]!;
                    if (armed.Any(t => t.Id == id)) return $$"""{"error":"schedule ID \"{{id}}\" already exists"}""";
                    // One refusal (the first idle-close timer), so the core's answer and the recheck it arms are warmed too.
                    if (!refusedOne && id.StartsWith("idle:", StringComparison.Ordinal))
                    {
                        refusedOne = true;
                        return $$"""{"error":"{{Sentinel}} scheduler stopped"}""";
                    }
                    armed.Add((id, (string?)root["payload"] ?? id, function.EndsWith("recurring", StringComparison.Ordinal)));
                    return JsonSerializer.Serialize(new Dictionary<string, string> { ["newScheduleId"] = id });
                case "scheduler_cancelschedule":
                    return "{}";
                case "websocket_connect":
                    Connection = (string)root["connectionId"]!;
                    return JsonSerializer.Serialize(new Dictionary<string, string> { ["newConnectionId"] = Connection });
                case "artwork_gettrackurl":
                    return $$"""{"url":"https://music.example.net/share/img/{{Sentinel}}?size=300"}""";
                case "subsonicapi_callraw":
                    return """{"contentType":"image/jpeg","data":"/9j/4AAQSkZJRgABAQ=="}""";
                case "subsonicapi_call":
                    // getSong as Navidrome answers it: the response JSON as a string.
                    return JsonSerializer.Serialize(new Dictionary<string, string>
                    {
                        ["responseJson"] = $$$$"""{"subsonic-response":{"status":"ok","version":"1.16.1","type":"navidrome","serverVersion":"{{{{Sentinel}}}}","openSubsonic":true,"song":{"id":"{{{{Sentinel}}}}","isDir":false,"title":"{{{{Sentinel}}}}","year":1959,"genre":"{{{{Sentinel}}}} genre","genres":[{"name":"{{{{Sentinel}}}} genre"}]}}}""",
                    });
                case "http_send":
                    var body = (string?)root["request"]!["body"]; // http_send bodies are base64
                    return Http((string)root["request"]!["url"]!, body is null ? null : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(body)));
                default:
                    return "{}";
            }
        }

        private static string Http(string url, string? body)
        {
            static string Ok(int status, string text, string headers = "{}") =>
                $$$"""{"result":{"statusCode":{{{status}}},"headers":{{{headers}}},"body":"{{{Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text))}}}"}}""";
            if (url.Contains("/gateway", StringComparison.Ordinal)) return Ok(200, """{"url":"wss://gateway.discord.gg"}""");
            if (url.Contains("external-assets", StringComparison.Ordinal))
            {
                var urls = body is null ? [] : JsonNode.Parse(body)?["urls"]?.AsArray().Select(u => (string)u!).ToArray() ?? [];
                return Ok(200, JsonSerializer.Serialize(urls.Select((u, i) => new Dictionary<string, string>
                {
                    ["url"] = u,
                    ["external_asset_path"] = $"external/{Sentinel}{i}/https/media.example.net/{Sentinel}.png",
                })));
            }
            // The first album is in the archive; the second is not, so its lookup goes on to the uguu.se upload.
            if (url.Contains("coverartarchive.org", StringComparison.Ordinal))
                return url.Contains("release-group", StringComparison.Ordinal) || url.Contains("album2", StringComparison.Ordinal)
                    ? Ok(404, "")
                    : Ok(307, "", $$"""{"Location":"https://archive.org/download/{{Sentinel}}/front-500.jpg"}""");
            if (url.Contains("listenbrainz", StringComparison.Ordinal))
                return Ok(200, """[{"spotify_track_ids":["4uLU6hMCjMI75M1A2tKUQC"]}]""");
            if (url.Contains("uguu", StringComparison.Ordinal))
                return Ok(200, $$"""{"success":true,"files":[{"url":"https://o.uguu.se/{{Sentinel}}.jpg"}]}""");
            return Ok(500, "");
        }
    }
}
