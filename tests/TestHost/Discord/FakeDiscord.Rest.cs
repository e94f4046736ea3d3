using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Network;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>
/// Discord's REST routes the plugin uses: GET /api[/vN]/gateway, and POST /api/v9/applications/{id}/external-assets
/// (Authorization = the user token; 200 with external_asset_path per URL, 401 for a rejected token, 429 with
/// Retry-After and retry_after when told to).
/// </summary>
public sealed partial class FakeDiscord
{
    private FakeResponse Rest(FakeRequest request)
    {
        var response = RestAnswer(request);
        HttpLog.Add(RestHost, request, response.Status);
        return response;
    }

    private FakeResponse RestAnswer(FakeRequest request)
    {
        var path = request.Path;
        if (request.Method == "GET" && (path == "/api/gateway" || path.StartsWith("/api/v", StringComparison.Ordinal) && path.EndsWith("/gateway", StringComparison.Ordinal)))
            return GatewayLookupStatus == 200
                ? FakeResponse.Json(200, new JsonObject { ["url"] = "wss://" + GatewayHost }.ToJsonString())
                : FakeResponse.Json(GatewayLookupStatus, """{"message":"Service unavailable","code":0}""");

        if (request.Method == "POST" && path.StartsWith("/api/v9/applications/", StringComparison.Ordinal) && path.EndsWith("/external-assets", StringComparison.Ordinal))
        {
            var token = request.Header("Authorization") ?? "";
            if (token.Length == 0 || RejectedTokens.Contains(token) || !Accounts.ContainsKey(token) || AssetsStatus == 401)
                return FakeResponse.Json(401, """{"message":"401: Unauthorized","code":0}""");
            if (AssetsStatus == 429)
                return FakeResponse.Json(429, $$"""{"message":"You are being rate limited.","retry_after":{{AssetsRetryAfterSeconds}}.0,"global":false}""",
                    ("Retry-After", AssetsRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return ExternalAssets(request);
        }
        return FakeResponse.Json(404, """{"message":"404: Not Found","code":0}""");
    }

    private static FakeResponse ExternalAssets(FakeRequest request)
    {
        JsonNode? body;
        try { body = JsonNode.Parse(request.Body); }
        catch (JsonException) { return FakeResponse.Json(400, """{"message":"Invalid JSON","code":50109}"""); }
        if (body?["urls"] is not JsonArray { Count: >= 1 and <= 2 } urls)
            return FakeResponse.Json(400, """{"message":"Invalid Form Body","code":50035}""");
        var answer = new JsonArray();
        foreach (var item in urls)
        {
            var url = item?.GetValue<string>() ?? "";
            if (url.Length > 256 || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
                return FakeResponse.Json(400, """{"message":"Invalid Form Body","code":50035}""");
            var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url)))[..20].ToLowerInvariant();
            answer.Add(new JsonObject { ["url"] = url, ["external_asset_path"] = $"external/{hash}/{uri.Scheme}/{uri.Host}{uri.PathAndQuery}" });
        }
        return FakeResponse.Json(200, answer.ToJsonString());
    }
}
