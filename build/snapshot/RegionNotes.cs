namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>What each region of the memory map (<see cref="MemoryMap"/>) is, in a few words, by the name the module reports.</summary>
internal static class RegionNotes
{
    private static readonly (string Prefix, string Note)[] Notes =
    [
        ("static data", "C globals and the runtime's static tables (wasm-ld data and bss), besides the assemblies"),
        ("assembly ", "embedded IL (a data segment; Mono reads it in place)"),
        ("stack (reached", "the part of the C stack the warm-up's calls wrote to (zeroed again before the snapshot)"),
        ("stack", "the C stack (-z stack-size), below the part the warm-up reached"),
        ("malloc heap", "the runtime's malloc'd state: metadata (images, classes, methods, generic instances), interpreter code, mempools, hash tables"),
        ("malloc free (top)", "malloc's top chunk: free, zero, up to the end of memory (malloc cannot give it back)"),
        ("malloc free", "free malloc chunks (zero); the next call's allocations reuse them"),
        ("block SGen card table", "the GC's card table: one byte per 512 bytes of the module's maximum memory"),
        ("block SGen nursery", "the GC's nursery (MONO_GC_PARAMS nursery-size): new objects; zero after the snapshot's last collection"),
        ("block SGen mark&sweep", "the GC's major heap (16 KiB blocks): objects that survived a collection (statics, caches, reflection objects, strings)"),
        ("block SGen LOS", "the GC's large-object space (objects of 8000 bytes or more)"),
        ("block SGen internal", "the GC's own bookkeeping (internal allocator)"),
        ("block interp stack", "the interpreter's frame stack (1 MiB, fixed in interp.c)"),
        ("block hazard pointers", "the runtime's hazard-pointer table (sized for many threads; unused here)"),
        ("block ", "a block the runtime allocated with mono_valloc, named by its accounting type"),
        ("unclaimed", "claimed by no region (alignment padding)"),
    ];

    public static string Describe(string region) =>
        Notes.FirstOrDefault(n => region.StartsWith(n.Prefix, StringComparison.Ordinal)).Note ?? "";
}
