namespace Navidrome.DiscordPresence.Exports.Wasm;

/// <summary>
/// What plugin.wasm's <c>nd_*</c> exports call: build/wasm/native/host.c looks this method up once per instance and
/// invokes it with the export's name. Everything below is the code the managed tests run.
/// </summary>
public static class WasmEntry
{
    /// <summary>
    /// Build time only: the snapshot tool (build/snapshot) calls this after its warm-up, so the warm-up's data is
    /// collected before memory is captured. The snapshot drops the export; Navidrome never sees it.
    /// </summary>
    public const string SnapshotCollect = "plugin_snapshot_collect";

    /// <summary>Runs one export call against the Extism kernel; returns the export's i32.</summary>
    public static int Run(string export) =>
        export == SnapshotCollect ? CollectEverything() : PluginEntry.Invoke(export, new ExtismPluginHost());

    private static int CollectEverything()
    {
        ClearSharedPool<byte>();
        ClearSharedPool<char>();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        ClearInterpreterScratch();
        return 0;
    }

    /// <summary>
    /// ArrayPool.Shared keeps returned arrays alive with whatever they held (System.Text.Json returns its escaping and
    /// transcoding buffers uncleared). Takes out every pooled array up to 16 KB (the warm-up uses none larger) (the pool holds at most nine per size
    /// on one thread), and puts back only the ones that held something, cleared; fresh arrays become garbage.
    /// </summary>
    private static void ClearSharedPool<T>() where T : struct, IEquatable<T>
    {
        var pool = System.Buffers.ArrayPool<T>.Shared;
        for (var size = 16; size <= 16 * 1024; size *= 2)
        {
            var taken = new List<T[]>();
            for (var i = 0; i < 10; i++) taken.Add(pool.Rent(size));
            foreach (var array in taken)
            {
                if (array.AsSpan().IndexOfAnyExcept(default(T)!) < 0) continue; // all zero: fresh, or clean already
                pool.Return(array, clearArray: true);
            }
        }
    }

    /// <summary>
    /// The interpreter serves stackalloc from a scratch fragment (8 KB) it keeps for reuse and never clears, so the
    /// last warm-up call's stack buffers are still in it. A stackalloc of nearly the whole fragment, zeroed, wipes it.
    /// </summary>
    private static void ClearInterpreterScratch()
    {
        Span<byte> scratch = stackalloc byte[8000];
        scratch.Clear();
    }
}
