using System.Text;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Exports.Host;

/// <summary>
/// Carries out an HTTP effect through http_send. The user's token is added as Authorization only here, and only
/// for discord.com over https: no other host ever receives a token.
/// </summary>
internal static class HttpCall
{
    public const string TokenHost = "discord.com";

    public static HttpOutcome Send(HostFunctions functions, Effect.Http http, UserTokens tokens)
    {
        var request = http.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Name] = header.Value;
        if (http.AuthorizeAs is { } user && IsTokenHost(request.Url) && tokens.For(user) is { } token)
            headers["Authorization"] = token;

        var dto = new HttpRequestDto(
            request.Method,
            request.Url,
            headers.Count == 0 ? null : headers,
            request.Body is null ? null : request.BodyIsBase64 ? request.Body : Convert.ToBase64String(Encoding.UTF8.GetBytes(request.Body)),
            request.TimeoutMs,
            NoFollowRedirects: !request.FollowRedirects);
        var (response, error) = functions.HttpSend(dto);
        if (response is null) return new HttpOutcome.Failed(error ?? "no answer");

        EquatableArray<Header> answerHeaders = [.. (response.Headers ?? []).Select(h => new Header(h.Key, h.Value))];
        string body;
        try { body = response.Body is null ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(response.Body)); }
        catch (FormatException) { return new HttpOutcome.Failed("the answer's body was not base64"); }
        return new HttpOutcome.Answered(response.StatusCode, answerHeaders, body);
    }

    private static bool IsTokenHost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
        && string.Equals(uri.Host, TokenHost, StringComparison.OrdinalIgnoreCase);
}
