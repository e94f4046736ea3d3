using System.Globalization;
using System.Text;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>
/// What each warm-up call added to the runtime's malloc'd state (metadata, interpreter code: what the snapshot keeps
/// for calls to reuse) and to the GC's blocks, from the memory map taken after each call; and the deepest the calls
/// went into the C stack (each map sees how far the calls since the previous one reached).
/// </summary>
internal sealed class WarmUpGrowth
{
    private const string RuntimeState = "malloc heap";
    private const string StackReached = "stack (reached)";
    private readonly List<(string Export, long Runtime, long Gc, long Memory)> steps = [];
    private MemoryRegion? deepestStack;

    public void After(string export, IReadOnlyList<MemoryRegion> regions, long memoryBytes)
    {
        var owned = MemoryMap.OwnedBytes(regions, memoryBytes);
        steps.Add((export, owned.GetValueOrDefault(RuntimeState),
            owned.Where(o => o.Key.StartsWith("block SGen", StringComparison.Ordinal)).Sum(o => o.Value), memoryBytes));
        Note(regions);
    }

    /// <summary>The final map, its stack depth replaced by the deepest any call reached.</summary>
    public List<MemoryRegion> WithDeepestStack(IReadOnlyList<MemoryRegion> regions)
    {
        Note(regions);
        return [.. regions.Where(r => r.Name != StackReached), .. deepestStack is null ? [] : new[] { deepestStack }];
    }

    private void Note(IReadOnlyList<MemoryRegion> regions)
    {
        foreach (var reached in regions.Where(r => r.Name == StackReached))
            if (deepestStack is null || reached.Start < deepestStack.Start) deepestStack = reached;
    }

    public string Markdown()
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("Growth during the warm-up (before the final collection; MiB after each call, + what it added):").AppendLine();
        text.AppendLine("| warm-up call | runtime state (malloc heap) | GC blocks (incl. garbage) | memory |");
        text.AppendLine("|---|---:|---:|---:|");
        var (runtime, gc) = (0L, 0L);
        foreach (var step in steps)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {step.Export} | {Mib(step.Runtime)} (+{Mib(step.Runtime - runtime)}) | {Mib(step.Gc)} (+{Mib(step.Gc - gc)}) | {Mib(step.Memory)} |");
            (runtime, gc) = (step.Runtime, step.Gc);
        }
        return text.ToString();
    }

    private static string Mib(long bytes) => (bytes / (double)(1 << 20)).ToString("0.00", CultureInfo.InvariantCulture);
}
