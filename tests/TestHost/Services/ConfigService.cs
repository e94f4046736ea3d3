using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// The plugin's config as Navidrome delivers it (docs/navidrome-host.md, 'Config arrives as strings, without defaults'): the saved JSON object
/// flattened to strings, visible through Extism's config_get and through the config_* host functions alike.
/// </summary>
public sealed class ConfigService
{
    private Dictionary<string, string> _values = new(StringComparer.Ordinal);

    /// <summary>The saved JSON object as the admin wrote it.</summary>
    public string SavedJson { get; private set; } = "{}";

    /// <summary>Replaces the config with a saved JSON object (flattened the Go way).</summary>
    public void Save(string configJson)
    {
        var flattened = GoJson.Flatten(configJson);
        lock (this)
        {
            _values = flattened;
            SavedJson = configJson;
        }
    }

    /// <summary>The flattened map.</summary>
    public IReadOnlyDictionary<string, string> Values
    {
        get { lock (this) return new Dictionary<string, string>(_values); }
    }

    public string? Get(string key)
    {
        lock (this) return _values.TryGetValue(key, out var value) ? value : null;
    }

    public byte[] Call(string function, HostRequest request)
    {
        switch (function)
        {
            case "config_get":
                var value = Get(request.String("key"));
                return value is null ? HostResponse.Empty : new HostResponse().Set("value", value).Set("exists", true).ToBytes();
            case "config_getint":
                var text = Get(request.String("key"));
                return text is not null && long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var number)
                    ? new HostResponse().Set("value", number).Set("exists", true).ToBytes()
                    : HostResponse.Empty;
            case "config_keys":
                var prefix = request.String("prefix");
                JsonArray keys = [.. Values.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(k => (JsonNode)k)];
                return new HostResponse().Set("keys", keys).ToBytes();
            default:
                throw new HostError($"unknown config function {function}");
        }
    }
}
