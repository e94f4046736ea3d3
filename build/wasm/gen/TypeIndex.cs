using System.Reflection.Metadata;

namespace Navidrome.DiscordPresence.WasmGen;

/// <summary>Every type defined in the bundled assemblies, by full name, so references resolve across assemblies.</summary>
internal sealed class TypeIndex
{
    public readonly record struct Definition(MetadataReader Reader, TypeDefinitionHandle Handle);

    private readonly Dictionary<string, Definition> byName = new(StringComparer.Ordinal);

    public TypeIndex(IEnumerable<MetadataReader> readers)
    {
        foreach (var reader in readers)
            foreach (var handle in reader.TypeDefinitions)
                byName.TryAdd(FullName(reader, handle), new Definition(reader, handle));
    }

    public Definition? Resolve(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => new Definition(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => byName.TryGetValue(FullName(reader, (TypeReferenceHandle)handle), out var d) ? d : null,
        _ => null,
    };

    /// <summary>The underlying primitive of an enum, or null when the type is not an enum.</summary>
    public PrimitiveTypeCode? EnumUnderlying(Definition definition)
    {
        var reader = definition.Reader;
        var type = reader.GetTypeDefinition(definition.Handle);
        if (type.BaseType.IsNil || BaseName(reader, type.BaseType) != "System.Enum") return null;
        foreach (var fieldHandle in type.GetFields())
        {
            var field = reader.GetFieldDefinition(fieldHandle);
            if ((field.Attributes & System.Reflection.FieldAttributes.Static) != 0) continue;
            if (field.DecodeSignature(new SigTypeProvider(reader), null) is SigType.Primitive p) return p.Code;
        }
        return PrimitiveTypeCode.Int32;
    }

    public bool IsInlineArray(Definition definition)
    {
        var reader = definition.Reader;
        foreach (var handle in reader.GetTypeDefinition(definition.Handle).GetCustomAttributes())
        {
            var ctor = reader.GetCustomAttribute(handle).Constructor;
            var parent = ctor.Kind switch
            {
                HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)ctor).Parent,
                HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)ctor).GetDeclaringType(),
                _ => default(EntityHandle),
            };
            if (!parent.IsNil && BaseName(reader, parent) == "System.Runtime.CompilerServices.InlineArrayAttribute") return true;
        }
        return false;
    }

    private static string BaseName(MetadataReader reader, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition => FullName(reader, (TypeDefinitionHandle)handle),
        HandleKind.TypeReference => FullName(reader, (TypeReferenceHandle)handle),
        _ => "",
    };

    private static string FullName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        var name = reader.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil ? Join(reader.GetString(type.Namespace), name) : FullName(reader, declaring) + "/" + name;
    }

    private static string FullName(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? FullName(reader, (TypeReferenceHandle)type.ResolutionScope) + "/" + name
            : Join(reader.GetString(type.Namespace), name);
    }

    private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;
}
