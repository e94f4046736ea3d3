using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace Navidrome.DiscordPresence.WasmGen;

/// <summary>A decoded signature type, just detailed enough to pick Mono's wasm cookie letter for it.</summary>
internal abstract record SigType
{
    public sealed record Primitive(PrimitiveTypeCode Code) : SigType;
    public sealed record Named(MetadataReader Reader, EntityHandle Handle, bool IsValueType) : SigType;
    public sealed record Pointer : SigType;
    public sealed record ByRef : SigType;
    public sealed record Reference : SigType; // arrays, generic parameters, classes in generic form
    public sealed record GenericValueType : SigType;
    public sealed record FunctionPointer : SigType;
}

/// <summary>Decodes signatures into <see cref="SigType"/>s for one assembly.</summary>
internal sealed class SigTypeProvider(MetadataReader reader) : ISignatureTypeProvider<SigType, object?>
{
    public SigType GetPrimitiveType(PrimitiveTypeCode typeCode) => new SigType.Primitive(typeCode);
    public SigType GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) =>
        new SigType.Named(r, handle, rawTypeKind == (byte)SignatureTypeKind.ValueType);
    public SigType GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) =>
        new SigType.Named(r, handle, rawTypeKind == (byte)SignatureTypeKind.ValueType);
    public SigType GetTypeFromSpecification(MetadataReader r, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
        r.GetTypeSpecification(handle).DecodeSignature(this, context);
    public SigType GetSZArrayType(SigType elementType) => new SigType.Reference();
    public SigType GetArrayType(SigType elementType, ArrayShape shape) => new SigType.Reference();
    public SigType GetByReferenceType(SigType elementType) => new SigType.ByRef();
    public SigType GetPointerType(SigType elementType) => new SigType.Pointer();
    public SigType GetPinnedType(SigType elementType) => elementType;
    public SigType GetModifiedType(SigType modifier, SigType unmodifiedType, bool isRequired) => unmodifiedType;
    public SigType GetGenericInstantiation(SigType genericType, ImmutableArray<SigType> typeArguments) =>
        genericType is SigType.Named { IsValueType: true } ? new SigType.GenericValueType() : new SigType.Reference();
    public SigType GetGenericMethodParameter(object? context, int index) => new SigType.Reference();
    public SigType GetGenericTypeParameter(object? context, int index) => new SigType.Reference();
    public SigType GetFunctionPointerType(MethodSignature<SigType> signature) => new SigType.FunctionPointer();
    public SigType GetTypeFromSerializedName(string name) => new SigType.Reference();
    public MetadataReader Reader => reader;
}
