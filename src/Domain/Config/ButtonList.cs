using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Domain.Presence;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>The buttons of the <c>buttons</c> key that can ever be shown, and every problem with the rest.</summary>
public sealed record ButtonListParse(EquatableArray<ButtonTemplate> Usable, EquatableArray<string> Problems);

/// <summary>
/// Reads the <c>buttons</c> key: JSON text of <c>[{"label": …, "url": …}]</c> (how Navidrome saves a list of
/// objects; key names in any case, as Go's decoder matches them). Discord shows at most two buttons, so only the
/// first two entries count. An entry is left out, with a problem naming it, when it can never be shown: no label, no
/// URL, a configured token in either, a placeholder that is not one, or a URL that is not a public https address
/// whatever the placeholders hold. Text that is not a list gives no buttons. Both the per-call reader and the checker
/// use this, so they cannot disagree; problems never quote a label or a URL (either may hold a secret).
/// </summary>
public static class ButtonList
{
    /// <summary>How many buttons Discord shows.</summary>
    public const int Max = 2;

    private const string Shape = "expected a list of up to two {label, url} buttons";

    /// <summary>The usable buttons of <paramref name="text"/> and the problems of the others.</summary>
    public static ButtonListParse Parse(string text, SecretScreen secrets)
    {
        var usable = new List<ButtonTemplate>(Max);
        var problems = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text.Trim()));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return Bad(Shape);
            var count = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var (label, url, isObject) = Entry(ref reader);
                if (++count > Max) continue;
                if (Problem(count, isObject, label, url, secrets) is { } problem) problems.Add(problem);
                else usable.Add(new ButtonTemplate(label!, url!));
            }
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read()) throw new JsonException();
            if (count > Max) problems.Add($"has {count} buttons; Discord shows at most {Max}, so only the first {Max} are used");
        }
        catch (JsonException)
        {
            // The reader's message may quote the text around the fault: never used.
            return Bad(Shape + ", but it is not valid JSON");
        }
        return new ButtonListParse([.. usable], [.. problems]);
    }

    private static ButtonListParse Bad(string problem) => new([], [problem]);

    private static (string? Label, string? Url, bool IsObject) Entry(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return (null, null, false);
        }
        string? label = null, url = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!.ToLowerInvariant();
            reader.Read();
            var value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
            if (key == "label") label = value;
            else if (key == "url") url = value;
        }
        return (label, url, true);
    }

    /// <summary>Why button <paramref name="number"/> can never be shown, or null when it can.</summary>
    private static string? Problem(int number, bool isObject, string? label, string? url, SecretScreen secrets)
    {
        var name = $"button {number}";
        if (!isObject) return $"{name} is not a {{label, url}} entry; it is not used";
        if (string.IsNullOrWhiteSpace(label)) return $"{name} has no label; it is not used";
        if (string.IsNullOrWhiteSpace(url)) return $"{name} has no url; it is not used";
        if (ConfigValues.Template(label, secrets).Problem is { } labelProblem) return $"{name}'s label: {labelProblem}; the button is not used";
        if (ConfigValues.Template(url, secrets, ButtonUrl.Placeholders).Problem is { } urlProblem) return $"{name}'s url: {urlProblem}; the button is not used";
        return UrlProblem(url) is { } fault ? $"{name}'s url {fault}; the button is not used" : null;
    }

    /// <summary>
    /// What makes a URL template fail the button rule whatever its placeholders hold, or null. Text placeholders are
    /// URL-encoded, so the address itself ("https://host/") must be written out or come from a link placeholder at
    /// the start: the template is judged with a sample value in each placeholder, and its length without them.
    /// </summary>
    private static string? UrlProblem(string template)
    {
        var sample = ButtonUrl.Render(template, name => ButtonUrl.IsLink(name) ? "https://example.org/link" : Template.Placeholders.Contains("{" + name + "}") ? "x" : null);
        var fault = ButtonUrl.FaultOf(sample);
        // The samples lengthen it: too long only if the written part alone is.
        if (fault == ButtonUrl.Fault.TooLong && Encoding.UTF8.GetByteCount(ButtonUrl.Render(template, _ => "")) <= ButtonUrl.MaxBytes) fault = ButtonUrl.Fault.None;
        return fault switch
        {
            ButtonUrl.Fault.None => null,
            ButtonUrl.Fault.NotAnAddress => "is not a web address (no spaces; it must start with https:// or a link placeholder such as {spotifyurl})",
            ButtonUrl.Fault.NotHttps => "does not start with https:// (only https links are put on a button)",
            ButtonUrl.Fault.Credentials => "has a user name or password in it, which Discord would show to everyone",
            ButtonUrl.Fault.PrivateHost => "points to a local or private address, which other people cannot open and which would reveal your network",
            ButtonUrl.Fault.TooLong => $"is longer than Discord's {ButtonUrl.MaxBytes} characters",
            _ => throw new System.Diagnostics.UnreachableException(fault.ToString()),
        };
    }
}
