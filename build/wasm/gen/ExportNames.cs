using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Navidrome.DiscordPresence.WasmGen;

/// <summary>Reads the nd_* names from ExportNames' string constants, so the module exports exactly what the plugin implements.</summary>
internal static class ExportNames
{
    public static IReadOnlyList<string> Read(string exportsDll)
    {
        using var pe = new PEReader(File.OpenRead(exportsDll));
        var reader = pe.GetMetadataReader();
        var names = new List<string>();
        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            if (reader.GetString(type.Name) != "ExportNames") continue;
            foreach (var fieldHandle in type.GetFields())
            {
                var constant = reader.GetFieldDefinition(fieldHandle).GetDefaultValue();
                if (constant.IsNil) continue;
                var value = reader.GetConstant(constant);
                if (value.TypeCode != ConstantTypeCode.String) continue;
                var blob = reader.GetBlobReader(value.Value);
                var text = blob.ReadUTF16(blob.Length);
                if (text.StartsWith("nd_", StringComparison.Ordinal)) names.Add(text);
            }
        }
        return names.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
