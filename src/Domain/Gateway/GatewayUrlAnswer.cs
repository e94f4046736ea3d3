using System.Text.Json;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>Reads the answer of <c>GET /api/v10/gateway</c>: <c>{"url":"wss://gateway.discord.gg"}</c>.</summary>
public static class GatewayUrlAnswer
{
    /// <summary>The gateway URL when the answer is a 200 with a wss URL in <c>url</c>.</summary>
    public static bool TryRead(HttpOutcome outcome, out string url)
    {
        url = "";
        if (outcome is not HttpOutcome.Answered { Status: 200, Body: var body }) return false;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("url", out var value)
                || value.ValueKind != JsonValueKind.String) return false;
            var text = value.GetString()!;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme != "wss") return false;
            url = text;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Says briefly why an answer was not usable, for the log.</summary>
    public static string Describe(HttpOutcome outcome) => outcome switch
    {
        HttpOutcome.Answered { Status: 200 } => "the answer had no wss url",
        HttpOutcome.Answered a => $"HTTP {a.Status}",
        HttpOutcome.Failed f => f.Error,
        _ => "unknown",
    };
}
