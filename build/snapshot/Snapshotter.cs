using Wasmtime;

namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>
/// Pre-initialization in the manner of Wizer: run a module once, then write a module whose linear memory (as data
/// segments) and mutable globals start where that run ended. Imports and the remaining exports are unchanged, so
/// the new module is a drop-in replacement that starts warm in every fresh instance.
/// </summary>
internal static class Snapshotter
{
    private const string GlobalExportPrefix = "__snapshot_global_";

    /// <summary>
    /// Instantiates <paramref name="module"/> with the imports <paramref name="defineImports"/> provides, runs
    /// <paramref name="warmUp"/>, and returns the snapshot without the exports in <paramref name="dropExports"/>.
    /// The exports in <paramref name="emptyExports"/> (initialization entry points such as a reactor's
    /// <c>_initialize</c>, which hosts call and which must not run again) stay, pointing at a function that does nothing.
    /// <paramref name="inspectImage"/> sees a copy of the captured memory.
    /// </summary>
    public static byte[] Take(byte[] module, Action<Linker, Store, Module> defineImports, Action<Instance> warmUp,
        IReadOnlyCollection<string> dropExports, IReadOnlyCollection<string>? emptyExports = null, Action<byte[]>? inspectImage = null)
    {
        var sections = WasmSections.Parse(module);
        var facts = ModuleFacts.Read(sections);
        if (facts.ImportsMemory) throw new NotSupportedException("the module imports its memory; only a module's own memory can be snapshotted");
        if (facts.HasPassiveData) throw new NotSupportedException("the module has passive data segments (bulk memory); their indices would not survive");
        var memoryExport = facts.Exports.FirstOrDefault(e => e.Kind == 2)?.Name
            ?? throw new NotSupportedException("the module does not export its memory");

        using var engine = new Engine();
        using var compiled = Module.FromBytes(engine, "snapshot-input", Instrument(sections, facts));
        using var linker = new Linker(engine);
        using var store = new Store(engine);
        defineImports(linker, store, compiled);
        var instance = linker.Instantiate(store, compiled);
        warmUp(instance);

        var memory = instance.GetMemory(memoryExport)!;
        var image = memory.GetSpan(0, checked((int)memory.GetLength()));
        inspectImage?.Invoke(image.ToArray());
        var values = facts.Globals.Where(g => g.Mutable)
            .ToDictionary(g => g.Index, g => instance.GetGlobal(GlobalExportPrefix + g.Index)!.GetValue()!);
        return Write(sections, facts, image, values, dropExports, emptyExports ?? []);
    }

    /// <summary>The module plus an export of every mutable global (Wasmtime can only read exported globals).</summary>
    private static byte[] Instrument(WasmSections original, ModuleFacts facts)
    {
        var instrumented = WasmSections.Parse(original.ToBytes());
        var exports = facts.Exports.Concat(facts.Globals.Where(g => g.Mutable)
            .Select(g => new Export(GlobalExportPrefix + g.Index, 3, (uint)g.Index))).ToList();
        instrumented.Replace(Section.Export, SectionWriters.Exports(exports));
        return instrumented.ToBytes();
    }

    private static byte[] Write(WasmSections original, ModuleFacts facts, ReadOnlySpan<byte> image, IReadOnlyDictionary<int, object> values,
        IReadOnlyCollection<string> dropExports, IReadOnlyCollection<string> emptyExports)
    {
        var snapshot = WasmSections.Parse(original.ToBytes());
        if (facts.Globals.Count > 0)
            snapshot.Replace(Section.Global, SectionWriters.Globals([.. facts.Globals.Select(g =>
                g.Mutable ? g with { InitExpr = SectionWriters.ConstExpr(g.ValueType, values[g.Index]) } : g)]));
        snapshot.Replace(Section.Memory, SectionWriters.Memory(original.Find(Section.Memory)!.Content, (uint)(image.Length / 65536)));
        var (data, segments) = SectionWriters.DenseData(image);
        if (snapshot.Find(Section.Data) is null) snapshot.Insert(new Section(Section.Data, data));
        else snapshot.Replace(Section.Data, data);
        if (snapshot.Find(Section.DataCount) is not null) snapshot.Replace(Section.DataCount, SectionWriters.DataCount(segments));
        if (snapshot.Find(Section.Start) is not null) snapshot.Replace(Section.Start, null); // it already ran
        var exports = facts.Exports.Where(e => !dropExports.Contains(e.Name)).ToList();
        if (exports.Any(e => emptyExports.Contains(e.Name)))
        {
            var empty = AddEmptyFunction(snapshot, facts);
            exports = [.. exports.Select(e => emptyExports.Contains(e.Name) ? e with { Kind = 0, Index = (uint)empty } : e)];
        }
        snapshot.Replace(Section.Export, SectionWriters.Exports(exports));
        return snapshot.ToBytes();
    }

    /// <summary>Adds a function of type () -> () whose body is empty; returns its function index.</summary>
    private static int AddEmptyFunction(WasmSections module, ModuleFacts facts)
    {
        var (types, typeIndex) = SectionWriters.Append(module.Find(Section.Type)!.Content, [0x60, 0x00, 0x00]);
        module.Replace(Section.Type, types);
        var typeEntry = new List<byte>();
        Leb128.WriteUnsigned(typeEntry, (ulong)typeIndex);
        var (functions, definedIndex) = SectionWriters.Append(module.Find(Section.Function)!.Content, [.. typeEntry]);
        module.Replace(Section.Function, functions);
        var (code, _) = SectionWriters.Append(module.Find(Section.Code)!.Content, [0x02, 0x00, 0x0B]); // size 2: no locals, end
        module.Replace(Section.Code, code);
        return facts.ImportedFunctions + definedIndex;
    }
}
