using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// Navidrome's config flattening (docs/navidrome-host.md, 'Config arrives as strings, without defaults'): the saved JSON object becomes a string map;
/// top-level string values stay as they are, every other value is written again the way Go's encoding/json
/// writes an <c>interface{}</c>: compact, object keys sorted, numbers through float64, <c>&lt; &gt; &amp;</c> escaped.
/// </summary>
public static class GoJson
{
    /// <summary>Flattens a saved config object. Throws <see cref="JsonException"/> if it is not a JSON object.</summary>
    public static Dictionary<string, string> Flatten(string configJson)
    {
        using var document = JsonDocument.Parse(configJson);
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("plugin config must be a JSON object");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : Marshal(property.Value);
        return map;
    }

    /// <summary>Go's json.Marshal of the value decoded into interface{}.</summary>
    public static string Marshal(JsonElement value)
    {
        var text = new StringBuilder();
        Write(text, value);
        return text.ToString();
    }

    private static void Write(StringBuilder text, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                // Go decodes into a map (last duplicate wins) and writes its keys sorted byte-wise.
                var members = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var property in value.EnumerateObject()) members[property.Name] = property.Value;
                text.Append('{');
                var first = true;
                foreach (var (name, member) in members)
                {
                    if (!first) text.Append(',');
                    first = false;
                    WriteString(text, name);
                    text.Append(':');
                    Write(text, member);
                }
                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var firstItem = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (!firstItem) text.Append(',');
                    firstItem = false;
                    Write(text, item);
                }
                text.Append(']');
                break;
            case JsonValueKind.String: WriteString(text, value.GetString()!); break;
            case JsonValueKind.Number: text.Append(FormatFloat(value.GetDouble())); break;
            case JsonValueKind.True: text.Append("true"); break;
            case JsonValueKind.False: text.Append("false"); break;
            default: text.Append("null"); break;
        }
    }

    /// <summary>A float64 as Go's encoding/json writes it: shortest digits, plain unless below 1e-6 or from 1e21.</summary>
    public static string FormatFloat(double value)
    {
        if (value == 0) return "0";
        var (negative, digits, exponent) = Decompose(value);
        var abs = Math.Abs(value);
        var sign = negative ? "-" : "";
        if (abs < 1e-6 || abs >= 1e21)
        {
            // d.ddde±XX, then Go trims a leading zero of a negative two-digit exponent (e-07 → e-7).
            var mantissa = digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];
            var e = exponent - 1;
            var expText = e < 0 ? "-" + Math.Abs(e).ToString("00", CultureInfo.InvariantCulture) : "+" + e.ToString("00", CultureInfo.InvariantCulture);
            if (expText.Length == 3 && expText[0] == '-' && expText[1] == '0') expText = "-" + expText[2];
            return sign + mantissa + "e" + expText;
        }
        // Plain: the decimal point sits `exponent` digits after the start of `digits`.
        if (exponent <= 0) return sign + "0." + new string('0', -exponent) + digits;
        if (exponent >= digits.Length) return sign + digits + new string('0', exponent - digits.Length);
        return sign + digits[..exponent] + "." + digits[exponent..];
    }

    /// <summary>Shortest round-trip digits (no leading/trailing zeros) and the position of the decimal point.</summary>
    private static (bool Negative, string Digits, int Exponent) Decompose(double value)
    {
        var r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var e = 0;
        var at = r.IndexOfAny(['E', 'e']);
        if (at >= 0)
        {
            e = int.Parse(r[(at + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..at];
        }
        var dot = r.IndexOf('.');
        var intPart = dot < 0 ? r : r[..dot];
        var fracPart = dot < 0 ? "" : r[(dot + 1)..];
        var all = intPart + fracPart;
        var pointAt = intPart.Length + e;
        var trimmedStart = all.TrimStart('0');
        pointAt -= all.Length - trimmedStart.Length;
        var digits = trimmedStart.TrimEnd('0');
        return (value < 0, digits.Length == 0 ? "0" : digits, pointAt);
    }

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (c < 0x20) text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }
}
