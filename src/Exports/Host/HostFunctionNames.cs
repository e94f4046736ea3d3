namespace Navidrome.DiscordPresence.Exports.Host;

/// <summary>
/// The Navidrome host functions (<c>extism:host/user</c> imports) the plugin calls. Navidrome refuses to load a
/// plugin that imports a function its manifest has no permission for, so manifest.json's permissions must cover
/// exactly these: a test checks it, and the wasm build checks the module's imports against the same list.
/// </summary>
public static class HostFunctionNames
{
    public const string CacheGetString = "cache_getstring";
    public const string CacheSetString = "cache_setstring";
    public const string CacheRemove = "cache_remove";
    public const string KvGet = "kvstore_get";
    public const string KvSet = "kvstore_set";
    public const string KvDelete = "kvstore_delete";
    public const string ScheduleOnce = "scheduler_scheduleonetime";
    public const string ScheduleRecurring = "scheduler_schedulerecurring";
    public const string CancelSchedule = "scheduler_cancelschedule";
    public const string WebSocketConnect = "websocket_connect";
    public const string WebSocketSendText = "websocket_sendtext";
    public const string WebSocketClose = "websocket_closeconnection";
    public const string ArtworkTrackUrl = "artwork_gettrackurl";
    public const string SubsonicCall = "subsonicapi_call";
    public const string SubsonicCallRaw = "subsonicapi_callraw";
    public const string HttpSend = "http_send";

    /// <summary>Every host function the plugin may call.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        CacheGetString, CacheSetString, CacheRemove, KvGet, KvSet, KvDelete, ScheduleOnce, ScheduleRecurring, CancelSchedule,
        WebSocketConnect, WebSocketSendText, WebSocketClose, ArtworkTrackUrl, SubsonicCall, SubsonicCallRaw, HttpSend,
    ];

    /// <summary>The manifest permission that unlocks a host function: the part of its name before the first '_'.</summary>
    public static string PermissionOf(string function) => function[..function.IndexOf('_')];
}
