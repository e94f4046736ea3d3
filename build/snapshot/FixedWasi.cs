using Wasmtime;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>
/// WASI's clocks and random bytes for the warm-up, fixed so that one commit snapshots to the same bytes on every
/// build (issue 13: reproducible .ndp). With the real ones the image keeps whatever the warm-up read: the runtime's
/// hash seeds drawn from random_get, start times and timestamps taken from the clocks. A fixed seed loses nothing:
/// a seed drawn at build time is shipped in the module for everyone to read anyway, and every instance shares it.
/// </summary>
internal static class FixedWasi
{
    /// <summary>The warm-up's wall clock starts at 2026-01-01T00:00:00Z; both clocks advance 1 ms per read.</summary>
    private const long WallClockStartNs = 1_767_225_600_000_000_000;

    /// <summary>Replaces <c>clock_time_get</c> and <c>random_get</c> of the WASI that <paramref name="linker"/> defines.</summary>
    public static void DefineIn(Linker linker)
    {
        linker.AllowShadowing = true;
        // Monotonic and advancing, like a real clock, so code that measures or waits still sees time pass; 1 ms per
        // read, as the test runner and wazero's fake monotonic clock do.
        long reads = 0;
        linker.DefineFunction("wasi_snapshot_preview1", "clock_time_get", (Caller caller, int clock, long precision, int resultPointer) =>
        {
            reads++;
            var ns = (clock == 0 ? WallClockStartNs : 0) + reads * 1_000_000;
            caller.GetMemory("memory")!.WriteInt64(resultPointer, ns);
            return 0;
        });
        // A counter-driven xorshift: not random, but not all zeros either, so code that rejects a zero seed or loops
        // until it draws a non-zero value behaves as it would at run time.
        ulong state = 0x9E3779B97F4A7C15;
        linker.DefineFunction("wasi_snapshot_preview1", "random_get", (Caller caller, int pointer, int length) =>
        {
            var memory = caller.GetMemory("memory")!;
            for (var i = 0; i < length; i++)
            {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                memory.WriteByte(pointer + i, (byte)state);
            }
            return 0;
        });
        linker.AllowShadowing = false;
    }
}
