namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>A global the module defines: its index (imported globals come first), type and mutability.</summary>
internal sealed record DefinedGlobal(int Index, byte ValueType, bool Mutable, byte[] InitExpr);

/// <summary>An export: name, kind (0 func, 1 table, 2 memory, 3 global) and index.</summary>
internal sealed record Export(string Name, byte Kind, uint Index);

/// <summary>The facts about a module that a snapshot needs, read from its sections.</summary>
internal sealed class ModuleFacts
{
    public const byte I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C;

    public int ImportedGlobals { get; private init; }
    public int ImportedFunctions { get; private init; }
    public bool ImportsMemory { get; private init; }
    public IReadOnlyList<DefinedGlobal> Globals { get; private init; } = [];
    public IReadOnlyList<Export> Exports { get; private init; } = [];
    public bool HasPassiveData { get; private init; }

    public static ModuleFacts Read(WasmSections module)
    {
        var (importedGlobals, importedFunctions, importsMemory) = module.Find(Section.Import) is { } imports ? CountImports(imports.Content) : (0, 0, false);
        return new ModuleFacts
        {
            ImportedGlobals = importedGlobals,
            ImportedFunctions = importedFunctions,
            ImportsMemory = importsMemory,
            Globals = module.Find(Section.Global) is { } globals ? ReadGlobals(globals.Content, importedGlobals) : [],
            Exports = module.Find(Section.Export) is { } exports ? ReadExports(exports.Content) : [],
            HasPassiveData = module.Find(Section.Data) is { } data && HasPassiveSegment(data.Content),
        };
    }

    private static (int Globals, int Functions, bool Memory) CountImports(byte[] content)
    {
        var position = 0;
        var count = (int)Leb128.ReadUnsigned(content, ref position);
        var (globals, functions, memory) = (0, 0, false);
        for (var i = 0; i < count; i++)
        {
            SkipName(content, ref position);
            SkipName(content, ref position);
            switch (content[position++])
            {
                case 0x00: Leb128.ReadUnsigned(content, ref position); functions++; break;
                case 0x01: position++; SkipLimits(content, ref position); break;
                case 0x02: memory = true; SkipLimits(content, ref position); break;
                case 0x03: position += 2; globals++; break;
                default: throw new InvalidDataException($"unknown import kind {content[position - 1]}");
            }
        }
        return (globals, functions, memory);
    }

    private static List<DefinedGlobal> ReadGlobals(byte[] content, int firstIndex)
    {
        var position = 0;
        var count = (int)Leb128.ReadUnsigned(content, ref position);
        var globals = new List<DefinedGlobal>(count);
        for (var i = 0; i < count; i++)
        {
            var type = content[position++];
            var mutable = content[position++] == 1;
            var start = position;
            SkipConstExpr(content, ref position);
            globals.Add(new DefinedGlobal(firstIndex + i, type, mutable, content[start..position]));
        }
        return globals;
    }

    private static List<Export> ReadExports(byte[] content)
    {
        var position = 0;
        var count = (int)Leb128.ReadUnsigned(content, ref position);
        var exports = new List<Export>(count);
        for (var i = 0; i < count; i++)
        {
            var name = ReadName(content, ref position);
            var kind = content[position++];
            exports.Add(new Export(name, kind, (uint)Leb128.ReadUnsigned(content, ref position)));
        }
        return exports;
    }

    private static bool HasPassiveSegment(byte[] content)
    {
        var position = 0;
        var count = (int)Leb128.ReadUnsigned(content, ref position);
        for (var i = 0; i < count; i++)
        {
            var flags = Leb128.ReadUnsigned(content, ref position);
            if (flags == 1) return true;
            if (flags == 2) Leb128.ReadUnsigned(content, ref position);
            SkipConstExpr(content, ref position);
            var length = (int)Leb128.ReadUnsigned(content, ref position);
            position += length;
        }
        return false;
    }

    /// <summary>Skips a constant expression up to and including its <c>end</c>.</summary>
    private static void SkipConstExpr(byte[] content, ref int position)
    {
        while (true)
        {
            switch (content[position++])
            {
                case 0x0B: return;
                case 0x41: case 0x42: Leb128.ReadSigned(content, ref position); break;
                case 0x43: position += 4; break;
                case 0x44: position += 8; break;
                case 0x23: case 0xD2: Leb128.ReadUnsigned(content, ref position); break;
                case 0xD0: position++; break;
                default: throw new InvalidDataException($"unsupported instruction 0x{content[position - 1]:x2} in a constant expression");
            }
        }
    }

    private static void SkipLimits(byte[] content, ref int position)
    {
        var flags = content[position++];
        Leb128.ReadUnsigned(content, ref position);
        if ((flags & 1) != 0) Leb128.ReadUnsigned(content, ref position);
    }

    internal static string ReadName(byte[] content, ref int position)
    {
        var length = (int)Leb128.ReadUnsigned(content, ref position);
        var name = System.Text.Encoding.UTF8.GetString(content, position, length);
        position += length;
        return name;
    }

    private static void SkipName(byte[] content, ref int position) => ReadName(content, ref position);
}
