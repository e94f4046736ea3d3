using System.Text;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>Writes the section contents a snapshot replaces: exports, globals, memory and data.</summary>
internal static class SectionWriters
{
    public static byte[] Exports(IReadOnlyList<Export> exports)
    {
        var output = new List<byte>();
        Leb128.WriteUnsigned(output, (ulong)exports.Count);
        foreach (var export in exports)
        {
            var name = Encoding.UTF8.GetBytes(export.Name);
            Leb128.WriteUnsigned(output, (ulong)name.Length);
            output.AddRange(name);
            output.Add(export.Kind);
            Leb128.WriteUnsigned(output, export.Index);
        }
        return [.. output];
    }

    public static byte[] Globals(IReadOnlyList<DefinedGlobal> globals)
    {
        var output = new List<byte>();
        Leb128.WriteUnsigned(output, (ulong)globals.Count);
        foreach (var global in globals)
        {
            output.Add(global.ValueType);
            output.Add(global.Mutable ? (byte)1 : (byte)0);
            output.AddRange(global.InitExpr);
        }
        return [.. output];
    }

    /// <summary>The constant expression that starts a global at <paramref name="value"/> (as Wasmtime reports it).</summary>
    public static byte[] ConstExpr(byte valueType, object value)
    {
        var output = new List<byte>();
        switch (valueType)
        {
            case ModuleFacts.I32: output.Add(0x41); Leb128.WriteSigned(output, Convert.ToInt32(value)); break;
            case ModuleFacts.I64: output.Add(0x42); Leb128.WriteSigned(output, Convert.ToInt64(value)); break;
            case ModuleFacts.F32: output.Add(0x43); output.AddRange(BitConverter.GetBytes(Convert.ToSingle(value))); break;
            case ModuleFacts.F64: output.Add(0x44); output.AddRange(BitConverter.GetBytes(Convert.ToDouble(value))); break;
            default: throw new NotSupportedException($"a mutable global of type 0x{valueType:x2} cannot be snapshotted");
        }
        output.Add(0x0B);
        return [.. output];
    }

    /// <summary>A memory section of one memory of at least <paramref name="minPages"/>, keeping the original maximum if any.</summary>
    public static byte[] Memory(byte[] original, uint minPages)
    {
        var position = 0;
        var count = Leb128.ReadUnsigned(original, ref position);
        if (count != 1) throw new NotSupportedException($"{count} memories; a snapshot handles exactly one");
        var flags = original[position++];
        var oldMin = Leb128.ReadUnsigned(original, ref position);
        var output = new List<byte> { 1, flags };
        Leb128.WriteUnsigned(output, Math.Max(oldMin, minPages));
        if ((flags & 1) != 0) Leb128.WriteUnsigned(output, Leb128.ReadUnsigned(original, ref position));
        return [.. output];
    }

    /// <summary>
    /// Data segments for <paramref name="image"/>, few and dense enough:
    /// <list type="bullet">
    /// <item>runs of non-zero bytes are merged across gaps of up to 4 KiB. wazero (Navidrome's runtime) copies every
    /// segment into every fresh instance, and a segment costs far more than the zeros it spans: on the plugin's
    /// snapshot, 22 000 segments (32-byte gaps, 13.0 MB) took about 2 ms more to instantiate than 45 (4 KiB gaps,
    /// 14.8 MB), a quarter of the instantiation;</item>
    /// <item>more than half of the span from the first to the last segment is covered by segment bytes (wider gaps
    /// when needed). Wasmtime then maps the whole image copy-on-write at instantiation instead of copying it (it
    /// requires exactly that density).</item>
    /// </list>
    /// </summary>
    public static (byte[] Content, int Segments) DenseData(ReadOnlySpan<byte> image)
    {
        foreach (var gap in new[] { 4096, 65536 })
        {
            var (content, segments, covered, span) = Segments(image, gap);
            if (covered * 100L >= span * 51L) return (content, segments);
        }
        var (all, count, _, _) = Segments(image, int.MaxValue);
        return (all, count);
    }

    /// <summary>Active data segments for memory 0 holding every non-zero run of <paramref name="image"/>.</summary>
    public static (byte[] Content, int Segments) Data(ReadOnlySpan<byte> image, int mergeGap = 32)
    {
        var (content, segments, _, _) = Segments(image, mergeGap);
        return (content, segments);
    }

    private static (byte[] Content, int Segments, long Covered, long Span) Segments(ReadOnlySpan<byte> image, int mergeGap)
    {
        var runs = new List<(int Start, int End)>();
        var i = 0;
        while (i < image.Length)
        {
            while (i < image.Length && image[i] == 0) i++;
            if (i == image.Length) break;
            var (start, end) = (i, i);
            // Extend the run over short stretches of zeros: a segment header costs more than a few zero bytes.
            while (i < image.Length && i - end < mergeGap)
            {
                if (image[i++] != 0) end = i;
            }
            runs.Add((start, end));
        }
        var output = new List<byte>(image.Length / 2);
        Leb128.WriteUnsigned(output, (ulong)runs.Count);
        foreach (var (start, end) in runs)
        {
            output.Add(0x00);                          // active, memory 0
            output.Add(0x41);                          // i32.const start
            Leb128.WriteSigned(output, start);
            output.Add(0x0B);
            Leb128.WriteUnsigned(output, (ulong)(end - start));
            output.AddRange(image[start..end].ToArray());
        }
        var covered = runs.Sum(r => (long)(r.End - r.Start));
        var span = runs.Count == 0 ? 0 : runs[^1].End - runs[0].Start;
        return ([.. output], runs.Count, covered, span);
    }

    /// <summary>A vector section (types, functions, code) with one more entry appended.</summary>
    public static (byte[] Content, int Index) Append(byte[] vectorSection, byte[] entry)
    {
        var position = 0;
        var count = Leb128.ReadUnsigned(vectorSection, ref position);
        var output = new List<byte>(vectorSection.Length + entry.Length + 5);
        Leb128.WriteUnsigned(output, count + 1);
        output.AddRange(vectorSection.AsSpan(position).ToArray());
        output.AddRange(entry);
        return ([.. output], (int)count);
    }

    public static byte[] DataCount(int segments)
    {
        var output = new List<byte>();
        Leb128.WriteUnsigned(output, (ulong)segments);
        return [.. output];
    }
}
