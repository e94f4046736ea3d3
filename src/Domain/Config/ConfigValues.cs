using System.Globalization;
using System.Text.Json;
using LanguageExt;
using Navidrome.DiscordPresence.Effects;
using static LanguageExt.Prelude;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// Readers for single values of Navidrome's flattened config map (every value a string: booleans as "true"/"false",
/// numbers as Go prints float64s, arrays as JSON text). Each answers the value, or the problem with it; an absent
/// key is never a problem here: the caller's default applies.
/// </summary>
public static class ConfigValues
{
    /// <summary>"true"/"false" in any case.</summary>
    public static Validation<ConfigError, bool> Boolean(string key, string text) =>
        bool.TryParse(text.Trim(), out var value)
            ? Success<ConfigError, bool>(value)
            : Fail<ConfigError, bool>(new ConfigError(key, $"expected true or false, got {Quote(text)}"));

    /// <summary>A whole number within bounds ("30", or Go's "30" for 30.0).</summary>
    public static Validation<ConfigError, int> Integer(string key, string text, int min, int max) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? Success<ConfigError, int>(value)
            : Fail<ConfigError, int>(new ConfigError(key, $"expected a whole number from {min} to {max}, got {Quote(text)}"));

    /// <summary>One of an enum's names, in any case (also its number, as a schema with numbers would save it).</summary>
    public static Validation<ConfigError, T> Choice<T>(string key, string text) where T : struct, Enum
    {
        var trimmed = text.Trim();
        foreach (var value in Enum.GetValues<T>())
            if (string.Equals(value.ToString(), trimmed, StringComparison.OrdinalIgnoreCase)
                || Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) == trimmed)
                return Success<ConfigError, T>(value);
        var names = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        return Fail<ConfigError, T>(new ConfigError(key, $"expected one of {names}, got {Quote(text)}"));
    }

    /// <summary>A template: any text; placeholders it does not know are reported (they would show literally).</summary>
    public static Validation<ConfigError, string> Template(string key, string text)
    {
        var unknown = Presence.Template.UnknownPlaceholders(text).ToArray();
        return unknown.Length == 0
            ? Success<ConfigError, string>(text)
            : Fail<ConfigError, string>(new ConfigError(key,
                $"unknown placeholder {string.Join(", ", unknown)} (known: {string.Join(", ", Presence.Template.Placeholders)}); it would show as typed"));
    }

    /// <summary>A list of names: a JSON array of strings (how an array setting is saved), or comma- or line-separated text.</summary>
    public static Validation<ConfigError, EquatableArray<string>> NameList(string key, string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith('['))
            return Success<ConfigError, EquatableArray<string>>([.. Split(trimmed)]);
        try
        {
            using var document = JsonDocument.Parse(trimmed);
            var names = new List<string>();
            foreach (var element in document.RootElement.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.String)
                    return Fail<ConfigError, EquatableArray<string>>(new ConfigError(key, "expected a list of names, found a non-text entry"));
                if (element.GetString()!.Trim() is { Length: > 0 } name) names.Add(name);
            }
            return Success<ConfigError, EquatableArray<string>>([.. names]);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Fail<ConfigError, EquatableArray<string>>(new ConfigError(key, "expected a list of names, but it is not valid JSON"));
        }
    }

    /// <summary>Shows a config value in an error message, shortened so a pasted blob cannot flood the log.</summary>
    public static string Quote(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..37]}…\"";

    private static IEnumerable<string> Split(string text) =>
        text.Split([',', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
