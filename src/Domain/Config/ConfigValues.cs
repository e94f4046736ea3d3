using System.Globalization;
using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// Readers for single values of Navidrome's flattened config map (every value a string: booleans as "true"/"false",
/// numbers as Go prints float64s, arrays as JSON text). Each answers the value or the problem with it, in words an
/// admin can act on. Both the per-call reader and the checker use these, so they cannot disagree on a value.
/// A problem quotes a value only when it is short plain text (a mistyped number or name); anything else is described
/// by its length, so a pasted token is never echoed into Navidrome's log.
/// </summary>
public static class ConfigValues
{
    /// <summary>True when a value counts as not set: absent, blank, or JSON null.</summary>
    public static bool IsAbsent(string? text) => string.IsNullOrWhiteSpace(text) || text.Trim() == "null";

    /// <summary>"true"/"false" in any case.</summary>
    public static Parsed<bool> Boolean(string text) =>
        bool.TryParse(text.Trim(), out var value) ? Parsed.Good(value) : Parsed.Bad<bool>($"expected true or false, got {Quote(text)}");

    /// <summary>A whole number within bounds ("30", or Go's "30" for 30.0).</summary>
    public static Parsed<int> Integer(string text, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? Parsed.Good(value)
            : Parsed.Bad<int>($"expected a whole number from {min} to {max}, got {Quote(text)}");

    /// <summary>One of an enum's names, in any case (also its number, as a schema with numbers would save it).</summary>
    public static Parsed<T> Choice<T>(string text) where T : struct, Enum
    {
        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)
                || Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) == trimmed)
                return Parsed.Good(value);
        var names = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        return Parsed.Bad<T>($"expected one of {names}, got {Quote(text)}");
    }

    /// <summary>
    /// A template: any text without a configured token; placeholders it does not know are a problem (they would
    /// show as typed).
    /// </summary>
    public static Parsed<string> Template(string text, SecretScreen secrets) => Template(text, secrets, Presence.Template.Placeholders);

    /// <summary>As <see cref="Template(string, SecretScreen)"/>, with its own set of <paramref name="known"/> placeholders.</summary>
    public static Parsed<string> Template(string text, SecretScreen secrets, IReadOnlyList<string> known)
    {
        if (secrets.Reveals(text)) return Parsed.Bad<string>(TokenInside);
        var unknown = Presence.Template.UnknownPlaceholders(text, known).ToArray();
        return unknown.Length == 0
            ? Parsed.Good(text)
            : Parsed.Bad<string>($"unknown placeholder {string.Join(", ", unknown.Select(name => IsPlain(name) ? name : $"of {name.Length} characters (not shown)"))} (known: {string.Join(", ", known)}); it would show as typed");
    }

    /// <summary>A list of names: a JSON array of strings (how an array setting is saved), or comma- or line-separated text.</summary>
    public static Parsed<EquatableArray<string>> NameList(string text, SecretScreen secrets)
    {
        if (secrets.Reveals(text)) return Parsed.Bad<EquatableArray<string>>(TokenInside);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('['))
            return Parsed.Good<EquatableArray<string>>([.. trimmed.Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(trimmed));
            reader.Read();
            var names = new List<string>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String)
                    return Parsed.Bad<EquatableArray<string>>("expected a list of names, found a non-text entry");
                if (reader.GetString()!.Trim() is { Length: > 0 } name) names.Add(name);
            }
            // Anything after the closing bracket, or no closing bracket, makes the text invalid JSON.
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read()) throw new JsonException();
            return Parsed.Good<EquatableArray<string>>([.. names]);
        }
        catch (JsonException)
        {
            return Parsed.Bad<EquatableArray<string>>("expected a list of names, but it is not valid JSON");
        }
    }

    /// <summary>A Discord application id: a snowflake of 17 to 20 digits. Only digits are ever quoted back (a token pasted here is not).</summary>
    public static Parsed<string> ClientId(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is >= 17 and <= 20 && trimmed.All(char.IsAsciiDigit)
            ? Parsed.Good(trimmed)
            : Parsed.Bad<string>($"expected a Discord application id (17 to 20 digits), got {(trimmed.Length <= 20 && trimmed.All(char.IsAsciiDigit) ? $"\"{trimmed}\"" : $"a value of {trimmed.Length} characters (not shown)")}; no presence is shown until it is fixed");
    }

    /// <summary>The problem of a value that contains a configured token (which must never be quoted or shown).</summary>
    public const string TokenInside = "contains a user's Discord token, which would be shown to everyone; it is not used (paste tokens only into the users list)";

    /// <summary>
    /// Shows a config value in an error message: quoted when it is short plain text (letters, digits, a few marks),
    /// otherwise only its length, so a pasted token or blob is never echoed.
    /// </summary>
    public static string Quote(string text) => IsPlain(text) ? $"\"{text}\"" : $"a value of {text.Length} characters (not shown)";

    /// <summary>Short text of letters, digits and a few marks: what a mistyped name or number looks like, and no token does.</summary>
    private static bool IsPlain(string text) =>
        text.Length <= MaxQuoted && text.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '-' or '+' or '_' or '{' or '}');

    /// <summary>The longest value an error message quotes.</summary>
    public const int MaxQuoted = 16;
}
