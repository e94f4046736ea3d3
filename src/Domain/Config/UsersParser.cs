using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>The users and their tokens read from the <c>users</c> key, with one error per bad entry.</summary>
public sealed record ParsedUsers(EquatableArray<DiscordUser> Users, UserTokens Tokens, EquatableArray<ConfigError> Errors);

/// <summary>
/// Reads the <c>users</c> key: JSON text of <c>[{"username": …, "token": …}]</c>, as the Go plugin saves it.
/// A bad entry silences only that user; messages name the user and never show a token (not even part of one).
/// </summary>
public static class UsersParser
{
    /// <summary>
    /// Parses the users JSON text; with <paramref name="only"/>, keeps and checks only that user's entry (a call about
    /// one user need not check, fingerprint or hold anyone else's token).
    /// </summary>
    public static ParsedUsers Parse(string json, string? only = null)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            // The parser's message may quote the text around the fault, which can be a token: say only where.
            return Failed("is not valid JSON (expected a list of {username, token} entries)");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array) return Failed("expected a list of {username, token} entries");
            var users = ImmutableArray.CreateBuilder<DiscordUser>();
            var tokens = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            var errors = ImmutableArray.CreateBuilder<ConfigError>();
            var position = 0;
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                position++;
                var username = Text(entry, "username")?.Trim();
                if (only is not null && username != only) continue;
                var token = Text(entry, "token")?.Trim();
                if (string.IsNullOrEmpty(username))
                    errors.Add(new ConfigError(ConfigKeys.Users, $"entry {position} has no username"));
                else if (tokens.ContainsKey(username))
                    errors.Add(new ConfigError(ConfigKeys.Users, "is listed more than once; the first entry is used", username));
                else if (TokenProblem(token) is { } problem)
                    errors.Add(new ConfigError(ConfigKeys.Users, problem, username));
                else
                {
                    users.Add(new DiscordUser(username, Fingerprint(token!)));
                    tokens[username] = token!;
                }
            }
            return new ParsedUsers(users.ToImmutable(), new UserTokens(tokens.ToImmutable()), errors.ToImmutable());
        }
    }

    /// <summary>
    /// A short digest of a token (64-bit FNV-1a of its UTF-8 bytes, as 16 hex digits): lets the core notice a changed
    /// token (to lift a "token rejected" stop) without ever holding the token. It only has to tell tokens apart: 64
    /// bits of a token carry far too little to recover it. Not SHA-256: under the wasm interpreter it cost about
    /// 0.1 ms per fingerprint, and every call fingerprints its user (nd_on_init every user).
    /// </summary>
    public static string Fingerprint(string token)
    {
        const ulong offset = 14695981039346656037, prime = 1099511628211;
        var hash = offset;
        foreach (var b in Encoding.UTF8.GetBytes(token))
            hash = (hash ^ b) * prime;
        return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? TokenProblem(string? token)
    {
        if (string.IsNullOrEmpty(token)) return "has no Discord token";
        foreach (var c in token)
            if (char.IsWhiteSpace(c) || c is '"' or '\'' || char.IsControl(c))
                return "has a Discord token with spaces, quotes or control characters in it; paste the token alone";
        if (token.StartsWith("Bot ", StringComparison.Ordinal) || token.StartsWith("Bearer ", StringComparison.Ordinal))
            return "has a token with a 'Bot'/'Bearer' prefix; a user token is pasted without one";
        return null;
    }

    private static string? Text(JsonElement entry, string property) =>
        entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static ParsedUsers Failed(string problem) =>
        new([], UserTokens.None, [new ConfigError(ConfigKeys.Users, problem)]);
}
