using System.Runtime.InteropServices;

namespace Navidrome.DiscordPresence.Exports.Wasm;

/// <summary>
/// The wasm imports the plugin uses, declared once. The build's generator (build/wasm/gen) turns every DllImport
/// whose library is an <c>extism:host/*</c> module into a wasm import of that module and name, so this file is the
/// module's whole import list besides WASI. Offsets are Extism-kernel memory offsets, not linear-memory pointers.
/// </summary>
internal static class ExtismImports
{
    private const string Kernel = "extism:host/env";
    private const string User = "extism:host/user";

    // The Extism kernel: input, output, error, memory blocks, config and log.
    [DllImport(Kernel, EntryPoint = "input_length")] public static extern long InputLength();
    [DllImport(Kernel, EntryPoint = "input_load_u8")] public static extern byte InputLoadU8(long offset);
    [DllImport(Kernel, EntryPoint = "input_load_u64")] public static extern long InputLoadU64(long offset);
    [DllImport(Kernel, EntryPoint = "alloc")] public static extern long Alloc(long length);
    [DllImport(Kernel, EntryPoint = "free")] public static extern void Free(long offset);
    [DllImport(Kernel, EntryPoint = "length")] public static extern long Length(long offset);
    [DllImport(Kernel, EntryPoint = "load_u8")] public static extern byte LoadU8(long offset);
    [DllImport(Kernel, EntryPoint = "load_u64")] public static extern long LoadU64(long offset);
    [DllImport(Kernel, EntryPoint = "store_u8")] public static extern void StoreU8(long offset, byte value);
    [DllImport(Kernel, EntryPoint = "store_u64")] public static extern void StoreU64(long offset, long value);
    [DllImport(Kernel, EntryPoint = "output_set")] public static extern void OutputSet(long offset, long length);
    [DllImport(Kernel, EntryPoint = "error_set")] public static extern void ErrorSet(long offset);
    [DllImport(Kernel, EntryPoint = "config_get")] public static extern long ConfigGet(long keyOffset);
    [DllImport(Kernel, EntryPoint = "log_debug")] public static extern void LogDebug(long offset);
    [DllImport(Kernel, EntryPoint = "log_info")] public static extern void LogInfo(long offset);
    [DllImport(Kernel, EntryPoint = "log_warn")] public static extern void LogWarn(long offset);
    [DllImport(Kernel, EntryPoint = "log_error")] public static extern void LogError(long offset);

    // Navidrome's host functions (navidrome-plugin-abi.md §3): JSON request block in, JSON response block out.
    // Each one needs its permission in manifest.json; .ci/check-wasm.sh compares the two.
    [DllImport(User, EntryPoint = "cache_getstring")] public static extern long CacheGetString(long request);
    [DllImport(User, EntryPoint = "cache_setstring")] public static extern long CacheSetString(long request);
    [DllImport(User, EntryPoint = "cache_remove")] public static extern long CacheRemove(long request);
    [DllImport(User, EntryPoint = "kvstore_get")] public static extern long KvStoreGet(long request);
    [DllImport(User, EntryPoint = "kvstore_set")] public static extern long KvStoreSet(long request);
    [DllImport(User, EntryPoint = "kvstore_delete")] public static extern long KvStoreDelete(long request);
    [DllImport(User, EntryPoint = "scheduler_scheduleonetime")] public static extern long SchedulerScheduleOneTime(long request);
    [DllImport(User, EntryPoint = "scheduler_schedulerecurring")] public static extern long SchedulerScheduleRecurring(long request);
    [DllImport(User, EntryPoint = "scheduler_cancelschedule")] public static extern long SchedulerCancelSchedule(long request);
    [DllImport(User, EntryPoint = "websocket_connect")] public static extern long WebSocketConnect(long request);
    [DllImport(User, EntryPoint = "websocket_sendtext")] public static extern long WebSocketSendText(long request);
    [DllImport(User, EntryPoint = "websocket_closeconnection")] public static extern long WebSocketCloseConnection(long request);
    [DllImport(User, EntryPoint = "artwork_gettrackurl")] public static extern long ArtworkGetTrackUrl(long request);
    [DllImport(User, EntryPoint = "subsonicapi_callraw")] public static extern long SubsonicApiCallRaw(long request);
    [DllImport(User, EntryPoint = "http_send")] public static extern long HttpSend(long request);

    /// <summary>The host function of that name, or null when the module does not import it.</summary>
    public static Func<long, long>? UserFunction(string name) => name switch
    {
        "cache_getstring" => CacheGetString,
        "cache_setstring" => CacheSetString,
        "cache_remove" => CacheRemove,
        "kvstore_get" => KvStoreGet,
        "kvstore_set" => KvStoreSet,
        "kvstore_delete" => KvStoreDelete,
        "scheduler_scheduleonetime" => SchedulerScheduleOneTime,
        "scheduler_schedulerecurring" => SchedulerScheduleRecurring,
        "scheduler_cancelschedule" => SchedulerCancelSchedule,
        "websocket_connect" => WebSocketConnect,
        "websocket_sendtext" => WebSocketSendText,
        "websocket_closeconnection" => WebSocketCloseConnection,
        "artwork_gettrackurl" => ArtworkGetTrackUrl,
        "subsonicapi_callraw" => SubsonicApiCallRaw,
        "http_send" => HttpSend,
        _ => null,
    };
}
