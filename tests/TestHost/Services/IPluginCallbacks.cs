using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>How a host service calls the plugin back (a fresh plugin call per callback, like Navidrome).</summary>
public interface IPluginCallbacks
{
    /// <summary>Calls <paramref name="export"/> with a JSON object input and returns when the call returned.</summary>
    void Invoke(string export, JsonObject input);
}

/// <summary>JSON text the way Go writes it for the plugin: non-ASCII stays as it is.</summary>
public static class ExportInput
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(JsonNode node) => node.ToJsonString(Options);
}
