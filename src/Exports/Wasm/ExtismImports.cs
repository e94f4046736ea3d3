using System.Runtime.InteropServices;
using Navidrome.DiscordPresence.Exports.Host;

namespace Navidrome.DiscordPresence.Exports.Wasm;

/// <summary>
/// The wasm imports the plugin uses, declared once. The build's generator (build/wasm/gen) turns every DllImport
/// whose library is an <c>extism:host/*</c> module (or WASI) into a wasm import of that module and name, so this file
/// is the module's whole import list besides the WASI functions libc uses. Offsets are Extism-kernel memory offsets, not linear-memory pointers.
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

    // Navidrome's host functions (docs/navidrome-host.md, 'Calling host functions'): JSON request block in, JSON response block out.
    // Exactly HostFunctionNames.All; build/wasm/check.sh compares the module's imports with that list and manifest.json.
    [DllImport(User, EntryPoint = HostFunctionNames.CacheGetString)] public static extern long CacheGetString(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.CacheSetString)] public static extern long CacheSetString(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.CacheRemove)] public static extern long CacheRemove(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.KvGet)] public static extern long KvStoreGet(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.KvSet)] public static extern long KvStoreSet(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.KvDelete)] public static extern long KvStoreDelete(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.ScheduleOnce)] public static extern long SchedulerScheduleOneTime(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.ScheduleRecurring)] public static extern long SchedulerScheduleRecurring(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.CancelSchedule)] public static extern long SchedulerCancelSchedule(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.WebSocketConnect)] public static extern long WebSocketConnect(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.WebSocketSendText)] public static extern long WebSocketSendText(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.WebSocketClose)] public static extern long WebSocketCloseConnection(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.ArtworkTrackUrl)] public static extern long ArtworkGetTrackUrl(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.SubsonicCall)] public static extern long SubsonicApiCall(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.SubsonicCallRaw)] public static extern long SubsonicApiCallRaw(long request);
    [DllImport(User, EntryPoint = HostFunctionNames.HttpSend)] public static extern long HttpSend(long request);

    // WASI's random source (Navidrome: crypto/rand), read directly so that one NextRandom is one random_get.
    [DllImport("wasi_snapshot_preview1", EntryPoint = "random_get")] public static extern int RandomGet(ref byte buffer, int length);

    /// <summary>The host function of that name, or null when the module does not import it.</summary>
    public static Func<long, long>? UserFunction(string name) => name switch
    {
        HostFunctionNames.CacheGetString => CacheGetString,
        HostFunctionNames.CacheSetString => CacheSetString,
        HostFunctionNames.CacheRemove => CacheRemove,
        HostFunctionNames.KvGet => KvStoreGet,
        HostFunctionNames.KvSet => KvStoreSet,
        HostFunctionNames.KvDelete => KvStoreDelete,
        HostFunctionNames.ScheduleOnce => SchedulerScheduleOneTime,
        HostFunctionNames.ScheduleRecurring => SchedulerScheduleRecurring,
        HostFunctionNames.CancelSchedule => SchedulerCancelSchedule,
        HostFunctionNames.WebSocketConnect => WebSocketConnect,
        HostFunctionNames.WebSocketSendText => WebSocketSendText,
        HostFunctionNames.WebSocketClose => WebSocketCloseConnection,
        HostFunctionNames.ArtworkTrackUrl => ArtworkGetTrackUrl,
        HostFunctionNames.SubsonicCall => SubsonicApiCall,
        HostFunctionNames.SubsonicCallRaw => SubsonicApiCallRaw,
        HostFunctionNames.HttpSend => HttpSend,
        _ => null,
    };
}
