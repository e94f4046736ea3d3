using System.Globalization;
using System.Text;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>A region of linear memory the module reported: a name and the byte range [Start, End).</summary>
internal sealed record MemoryRegion(string Name, long Start, long End);

/// <summary>
/// What the pages of a snapshot hold: the regions the module itself reports (build/wasm/native/snapshot_support.c,
/// <c>plugin_memory_map</c>), laid over the captured memory image. Regions nest (an assembly inside the static data,
/// a GC block inside the malloc heap); each byte belongs to the narrowest region around it. Per region name: where
/// it is, how many 64 KiB wasm pages it owns, and how many of its 4 KiB pages hold a non-zero byte (what a fresh
/// instance copies in as data; the rest is memory every instance still has to zero).
/// </summary>
internal static class MemoryMap
{
    private const int SmallPage = 4096;
    private const double WasmPage = 65536;
    private const string Unclaimed = "unclaimed";

    /// <summary>Parses the module's lines, "start end name" with hexadecimal addresses.</summary>
    public static List<MemoryRegion> Parse(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var parts = line.Split(' ', 3);
            return new MemoryRegion(parts[2].Trim(), long.Parse(parts[0], NumberStyles.HexNumber), long.Parse(parts[1], NumberStyles.HexNumber));
        })];

    /// <summary>The map as a Markdown table, largest regions first, with a total line.</summary>
    public static string Markdown(IReadOnlyList<MemoryRegion> regions, ReadOnlySpan<byte> image)
    {
        var rows = Tally(regions, image);
        var text = new StringBuilder();
        text.AppendLine("| region | address range | pages (64 KiB) | non-zero 4 KiB pages | what it is |");
        text.AppendLine("|---|---|---:|---:|---|");
        foreach (var row in rows.OrderByDescending(r => r.Bytes))
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Name} | {Range(row)} | {row.Bytes / WasmPage:0.0} | {row.NonZeroPages} | {RegionNotes.Describe(row.Name)} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| **total** | 0x0–0x{image.Length:x} | {image.Length / WasmPage:0} | {rows.Sum(r => r.NonZeroPages)} | " +
            $"{image.Length / (double)(1 << 20):0.0} MiB of linear memory at instantiation |");
        return text.ToString();
    }

    private sealed class Row(string name)
    {
        public string Name { get; } = name;
        public long Bytes { get; set; }
        public long First { get; set; } = long.MaxValue;
        public long Last { get; set; }
        public int Pieces { get; set; }
        public HashSet<long> NonZero { get; } = [];
        public int NonZeroPages => NonZero.Count;
    }

    /// <summary>How many bytes each region owns in a memory of <paramref name="size"/> bytes (nested regions excluded).</summary>
    public static Dictionary<string, long> OwnedBytes(IReadOnlyList<MemoryRegion> regions, long size) =>
        Pieces(regions, size).GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.Sum(p => p.End - p.Start));

    /// <summary>Memory cut where any region starts or ends; each piece named by the narrowest region around it.</summary>
    private static IEnumerable<MemoryRegion> Pieces(IReadOnlyList<MemoryRegion> regions, long size)
    {
        var inside = regions.Where(r => r.End > r.Start && r.Start < size)
            .Select(r => r with { End = Math.Min(r.End, size) }).OrderBy(r => r.End - r.Start).ToList();
        var cuts = inside.SelectMany(r => new[] { r.Start, r.End }).Append(0).Append(size).Distinct().Order().ToList();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (start, end) = (cuts[i], cuts[i + 1]);
            yield return new MemoryRegion(inside.FirstOrDefault(r => r.Start <= start && r.End >= end)?.Name ?? Unclaimed, start, end);
        }
    }

    private static List<Row> Tally(IReadOnlyList<MemoryRegion> regions, ReadOnlySpan<byte> image)
    {
        var rows = new Dictionary<string, Row>();
        foreach (var (name, start, end) in Pieces(regions, image.Length))
        {
            if (!rows.TryGetValue(name, out var row)) rows[name] = row = new Row(name);
            row.Bytes += end - start;
            row.First = Math.Min(row.First, start);
            row.Last = Math.Max(row.Last, end);
            row.Pieces++;
            for (var page = start / SmallPage; page * SmallPage < end; page++)
            {
                var from = Math.Max(start, page * SmallPage);
                var to = Math.Min(end, (page + 1) * SmallPage);
                if (image[(int)from..(int)to].IndexOfAnyExcept((byte)0) >= 0) row.NonZero.Add(page);
            }
        }
        return [.. rows.Values];
    }

    private static string Range(Row row) =>
        string.Create(CultureInfo.InvariantCulture, $"0x{row.First:x}–0x{row.Last:x}{(row.Pieces > 1 ? $" ({row.Pieces} pieces)" : "")}");
}
