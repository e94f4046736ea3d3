namespace Navidrome.DiscordPresence.Snapshot;

/// <summary>One section of a wasm module: its id and its raw content.</summary>
internal sealed record Section(byte Id, byte[] Content)
{
    public const byte Custom = 0, Type = 1, Import = 2, Function = 3, Table = 4, Memory = 5, Global = 6, Export = 7,
        Start = 8, Element = 9, Code = 10, Data = 11, DataCount = 12;
}

/// <summary>A wasm module as its sequence of sections; enough to rewrite some and copy the rest unchanged.</summary>
internal sealed class WasmSections
{
    private static readonly byte[] Preamble = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    public List<Section> Sections { get; }

    private WasmSections(List<Section> sections) => Sections = sections;

    public static WasmSections Parse(byte[] module)
    {
        if (module.Length < 8 || !module.AsSpan(0, 8).SequenceEqual(Preamble))
            throw new InvalidDataException("not a wasm 1.0 binary module (bad magic or version)");
        var sections = new List<Section>();
        var position = 8;
        while (position < module.Length)
        {
            var id = module[position++];
            var size = (int)Leb128.ReadUnsigned(module, ref position);
            sections.Add(new Section(id, module.AsSpan(position, size).ToArray()));
            position += size;
        }
        return new WasmSections(sections);
    }

    public Section? Find(byte id) => Sections.FirstOrDefault(s => s.Id == id);

    /// <summary>Replaces the section with this id (which must exist), or removes it when <paramref name="content"/> is null.</summary>
    public void Replace(byte id, byte[]? content)
    {
        var index = Sections.FindIndex(s => s.Id == id);
        if (index < 0) throw new InvalidOperationException($"the module has no section {id}");
        if (content is null) Sections.RemoveAt(index);
        else Sections[index] = new Section(id, content);
    }

    /// <summary>Inserts a section in its required place among the non-custom sections.</summary>
    public void Insert(Section section)
    {
        var order = Order(section.Id);
        var index = Sections.FindIndex(s => s.Id != Section.Custom && Order(s.Id) > order);
        Sections.Insert(index < 0 ? Sections.Count : index, section);
    }

    public byte[] ToBytes()
    {
        var output = new List<byte>(Preamble);
        foreach (var section in Sections)
        {
            output.Add(section.Id);
            Leb128.WriteUnsigned(output, (ulong)section.Content.Length);
            output.AddRange(section.Content);
        }
        return [.. output];
    }

    // Section order of the spec: DataCount sits between Element and Code.
    private static int Order(byte id) => id switch
    {
        Section.DataCount => 95,
        Section.Code => 100,
        Section.Data => 110,
        _ => id * 10,
    };
}
