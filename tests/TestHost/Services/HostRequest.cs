using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// A host-function request read the way Go's encoding/json reads it into a struct: keys match case-insensitively,
/// unknown keys are ignored, missing keys and null are zero values, an integer field refuses a non-integer number.
/// </summary>
public sealed class HostRequest
{
    private readonly JsonObject _body;

    private HostRequest(JsonObject body) => _body = body;

    /// <summary>Parses a request; an empty body counts as <c>{}</c>.</summary>
    public static HostRequest Parse(byte[] json)
    {
        if (json.Length == 0) return new HostRequest([]);
        var node = JsonNode.Parse(json, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        return node switch
        {
            JsonObject o => new HostRequest(o),
            null => new HostRequest([]),
            _ => throw new HostError("json: cannot unmarshal " + node.GetValueKind().ToString().ToLowerInvariant() + " into Go value of type struct"),
        };
    }

    private JsonNode? Find(string key)
    {
        foreach (var (name, value) in _body)
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }

    public string String(string key) => Find(key) switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        var other => throw new HostError($"json: cannot unmarshal {other.GetValueKind().ToString().ToLowerInvariant()} into Go struct field .{key} of type string"),
    };

    public long Int(string key)
    {
        var node = Find(key);
        if (node is null) return 0;
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            var element = v.GetValue<JsonElement>();
            if (element.TryGetInt64(out var n)) return n;
        }
        throw new HostError($"json: cannot unmarshal {node.ToJsonString()} into Go struct field .{key} of type int64");
    }

    public double Float(string key) => Find(key) switch
    {
        null => 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<JsonElement>().GetDouble(),
        var other => throw new HostError($"json: cannot unmarshal {other.ToJsonString()} into Go struct field .{key} of type float64"),
    };

    public bool Bool(string key) => Find(key) switch
    {
        null => false,
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
        var other => throw new HostError($"json: cannot unmarshal {other.ToJsonString()} into Go struct field .{key} of type bool"),
    };

    /// <summary>A []byte field: a base64 string (standard alphabet).</summary>
    public byte[] Bytes(string key)
    {
        var text = String(key);
        try { return Convert.FromBase64String(text); }
        catch (FormatException) { throw new HostError($"illegal base64 data in field .{key}"); }
    }

    public Dictionary<string, string> StringMap(string key)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (Find(key) is JsonObject o)
            foreach (var (name, value) in o)
                if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String) map[name] = v.GetValue<string>();
        return map;
    }

    public List<string> StringList(string key)
    {
        var list = new List<string>();
        if (Find(key) is JsonArray a)
            foreach (var item in a)
                if (item is JsonValue v && v.GetValueKind() == JsonValueKind.String) list.Add(v.GetValue<string>());
        return list;
    }

    /// <summary>A nested object field as its own request (http_send's <c>request</c>).</summary>
    public HostRequest Object(string key) => new(Find(key) as JsonObject ?? []);
}

/// <summary>A host-side failure; its message becomes the response's <c>error</c>.</summary>
public sealed class HostError(string message) : Exception(message);

/// <summary>Builds responses the way Navidrome's generated code writes them: every field omitempty.</summary>
public sealed class HostResponse
{
    private readonly JsonObject _body = [];

    public HostResponse Set(string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) _body[key] = value;
        return this;
    }

    public HostResponse Set(string key, long value)
    {
        if (value != 0) _body[key] = value;
        return this;
    }

    public HostResponse Set(string key, double value)
    {
        if (value != 0) _body[key] = value;
        return this;
    }

    public HostResponse Set(string key, bool value)
    {
        if (value) _body[key] = true;
        return this;
    }

    public HostResponse SetBytes(string key, byte[]? value)
    {
        if (value is { Length: > 0 }) _body[key] = Convert.ToBase64String(value);
        return this;
    }

    public HostResponse Set(string key, JsonNode? node)
    {
        switch (node)
        {
            case null:
            case JsonArray { Count: 0 }:
            case JsonObject { Count: 0 }:
                break;
            default:
                _body[key] = node;
                break;
        }
        return this;
    }

    public static byte[] Empty => "{}"u8.ToArray();

    public static byte[] Error(string message) => Encoding.UTF8.GetBytes(new JsonObject { ["error"] = message }.ToJsonString());

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(_body.ToJsonString());
}
