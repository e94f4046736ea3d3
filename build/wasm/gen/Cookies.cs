using System.Reflection;
using System.Reflection.Metadata;

namespace Navidrome.DiscordPresence.WasmGen;

/// <summary>
/// Mono's wasm32 interp-to-native "cookie" of a native signature: one letter for the return (V void, I i32, L i64,
/// F f32, D f64) then one per argument, computed the way aot-runtime-wasm.c's type_to_c does (structs of one scalar
/// count as that scalar; other structs go by pointer, and a struct return becomes a leading pointer argument).
/// </summary>
internal sealed class Cookies(TypeIndex types)
{
    /// <summary>The cookie, or null when Mono could not call the signature either (it would fail at run time too).</summary>
    public string? Of(MethodSignature<SigType> signature)
    {
        var ret = Letter(signature.ReturnType, out var structReturn);
        if (ret is null) return null;
        var cookie = structReturn ? "VI" : ret.Value.ToString();
        if (signature.Header.IsInstance) cookie += "I";
        foreach (var parameter in signature.ParameterTypes)
        {
            if (Letter(parameter, out _) is not { } letter) return null;
            cookie += letter;
        }
        return cookie;
    }

    private char? Letter(SigType type, out bool structByRef)
    {
        structByRef = false;
        switch (type)
        {
            case SigType.Primitive p:
                return Primitive(p.Code);
            case SigType.Pointer or SigType.ByRef or SigType.Reference:
                return 'I';
            case SigType.FunctionPointer or SigType.GenericValueType:
                return null; // type_to_c gives 'X' or 'S': no trampoline exists for those.
            case SigType.Named { IsValueType: false }:
                return 'I';
            case SigType.Named named:
                var definition = types.Resolve(named.Reader, named.Handle);
                if (definition is null) return null;
                if (types.EnumUnderlying(definition.Value) is { } underlying) return Primitive(underlying);
                if (ScalarOf(definition.Value, 0) is { } scalar) return scalar;
                structByRef = true;
                return 'I';
            default:
                return null;
        }
    }

    private static char? Primitive(PrimitiveTypeCode code) => code switch
    {
        PrimitiveTypeCode.Void => 'V',
        PrimitiveTypeCode.Int64 or PrimitiveTypeCode.UInt64 => 'L',
        PrimitiveTypeCode.Single => 'F',
        PrimitiveTypeCode.Double => 'D',
        PrimitiveTypeCode.TypedReference => null,
        _ => 'I', // bool, char, 8/16/32-bit integers, IntPtr, object, string: all i32 on wasm32
    };

    /// <summary>mini_wasm_is_scalar_vtype: a non-inline-array struct of at most 8 bytes with exactly one scalar field.</summary>
    private char? ScalarOf(TypeIndex.Definition definition, int depth)
    {
        if (depth > 8 || types.IsInlineArray(definition)) return null;
        var reader = definition.Reader;
        var typeDef = reader.GetTypeDefinition(definition.Handle);
        var fields = typeDef.GetFields().Select(reader.GetFieldDefinition)
            .Where(f => (f.Attributes & FieldAttributes.Static) == 0).ToList();
        if (fields.Count != 1) return null;
        var explicitSize = typeDef.GetLayout().Size;
        var fieldType = fields[0].DecodeSignature(new SigTypeProvider(reader), null);
        char? letter = fieldType switch
        {
            SigType.Primitive p => Primitive(p.Code),
            SigType.Pointer or SigType.Reference or SigType.Named { IsValueType: false } => 'I',
            SigType.Named { IsValueType: true } n when types.Resolve(n.Reader, n.Handle) is { } inner =>
                types.EnumUnderlying(inner) is { } u ? Primitive(u) : ScalarOf(inner, depth + 1),
            _ => null,
        };
        if (letter is null or 'V') return null;
        var fieldSize = letter is 'L' or 'D' ? 8 : 4;
        return explicitSize > fieldSize ? null : letter;
    }
}
