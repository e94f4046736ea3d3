using System.Globalization;
using System.Text;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// The admin's text templates: placeholders become the track's values. One left-to-right pass, so a title that
/// itself contains "{artist}" stays as it is; anything in braces that is not a placeholder is kept literally (a
/// template is never an error at render time).
/// A placeholder with no value (no year known yet, no track number) takes one separator next to it with it (" - ",
/// " • ", ", ", " | " …: the one before it, or the one after it when nothing comes before), and brackets around
/// nothing go too, so "{track} ({year})" reads "Blue in Green" until the year is known.
/// </summary>
public static class Template
{
    /// <summary>The placeholders a template may use, for the config's documentation and validation.</summary>
    public static readonly IReadOnlyList<string> Placeholders =
    [
        "{track}", "{artist}", "{album}", "{albumartist}", "{artists}", "{albumartists}", "{tracknumber}", "{discnumber}",
        "{duration}", "{player}", "{year}", "{genre}",
    ];

    /// <summary>The template with every placeholder replaced by its value for <paramref name="track"/>.</summary>
    public static string Render(string template, Track track, TemplateContext? context = null)
    {
        var output = new StringBuilder(template.Length + 64);
        var dropLeadingSeparator = false;
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var literalEnd = open < 0 ? template.Length : open;
            AppendLiteral(output, template.AsSpan(i, literalEnd - i), ref dropLeadingSeparator);
            if (open < 0) break;
            var close = template.IndexOf('}', open + 1);
            var value = close < 0 ? null : ValueOf(template.AsSpan(open + 1, close - open - 1), track, context);
            if (value is null) { AppendLiteral(output, "{", ref dropLeadingSeparator); i = open + 1; continue; }
            i = close + 1;
            if (value.Length > 0) { output.Append(value); continue; }
            // An empty value: drop the brackets around it, or one separator beside it.
            if (EndsWithOpening(output) && i < template.Length && template[i] is ')' or ']')
            {
                TrimOpening(output);
                i++;
            }
            else if (!TrimSeparator(output)) dropLeadingSeparator = true;
        }
        return output.ToString().Trim();
    }

    /// <summary>The placeholder names in <paramref name="template"/> that are not known ones, for a config warning.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string template) => UnknownPlaceholders(template, Placeholders);

    /// <summary>The placeholder names in <paramref name="template"/> that are not among <paramref name="known"/>.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string template, IReadOnlyList<string> known)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0) yield break;
            var name = template.Substring(i, close - i + 1);
            if (!known.Contains(name)) yield return name;
            i = close + 1;
        }
    }

    /// <summary>The value of the placeholder <paramref name="name"/> (without braces), or null when it is not one.</summary>
    internal static string? ValueOf(ReadOnlySpan<char> name, Track track, TemplateContext? context) => name switch
    {
        "track" => track.Title,
        "artist" => track.Artist,
        "album" => track.Album,
        "albumartist" => track.AlbumArtist.Length > 0 ? track.AlbumArtist : track.Artist,
        "artists" => track.Artists.Length > 0 ? track.Artists : track.Artist,
        "albumartists" => track.AlbumArtists.Length > 0 ? track.AlbumArtists : track.AlbumArtist.Length > 0 ? track.AlbumArtist : track.Artist,
        "tracknumber" => Number(track.TrackNumber),
        "discnumber" => Number(track.DiscNumber),
        "duration" => track.DurationMs > 0 ? PositionText.Clock(track.DurationMs) : "",
        "player" => context?.PlayerName ?? "",
        "year" => context?.Extras?.Year is > 0 and var year ? year.ToString(CultureInfo.InvariantCulture) : "",
        "genre" => context?.Extras?.Genre ?? "",
        _ => null,
    };

    private static string Number(int number) => number > 0 ? number.ToString(CultureInfo.InvariantCulture) : "";

    private static bool IsSeparator(char c) => c is '-' or '–' or '—' or '•' or '·' or '|' or '/' or ',' or ':' or ';' or '.';

    private static void AppendLiteral(StringBuilder output, ReadOnlySpan<char> literal, ref bool dropLeadingSeparator)
    {
        if (dropLeadingSeparator && literal.Length > 0)
        {
            var start = 0;
            while (start < literal.Length && char.IsWhiteSpace(literal[start])) start++;
            var separators = start;
            while (separators < literal.Length && IsSeparator(literal[separators])) separators++;
            if (separators > start)
                while (separators < literal.Length && char.IsWhiteSpace(literal[separators])) separators++;
            literal = literal[(separators > start ? separators : start)..];
            dropLeadingSeparator = false;
        }
        output.Append(literal);
    }

    /// <summary>Removes a separator (and the spaces around it) from the end of the output; false when there is none or nothing before it.</summary>
    private static bool TrimSeparator(StringBuilder output)
    {
        var end = output.Length;
        while (end > 0 && char.IsWhiteSpace(output[end - 1])) end--;
        var separators = end;
        while (separators > 0 && IsSeparator(output[separators - 1])) separators--;
        if (separators == end) return end > 0 && end < output.Length && Truncate(output, end);
        while (separators > 0 && char.IsWhiteSpace(output[separators - 1])) separators--;
        if (separators == 0) return false;
        output.Length = separators;
        return true;
    }

    private static bool Truncate(StringBuilder output, int length)
    {
        output.Length = length;
        return true;
    }

    private static bool EndsWithOpening(StringBuilder output)
    {
        var end = output.Length;
        while (end > 0 && char.IsWhiteSpace(output[end - 1])) end--;
        return end > 0 && output[end - 1] is '(' or '[';
    }

    private static void TrimOpening(StringBuilder output)
    {
        var end = output.Length;
        while (end > 0 && char.IsWhiteSpace(output[end - 1])) end--;
        end--;
        while (end > 0 && char.IsWhiteSpace(output[end - 1])) end--;
        output.Length = end;
    }
}

/// <summary>What a template may show besides the track: the owning player's name and the looked-up extras.</summary>
public sealed record TemplateContext(string PlayerName = "", TrackExtras? Extras = null);

/// <summary>
/// Facts about a track that Navidrome's track info does not carry (a Subsonic getSong lookup answers them): null
/// until known, and the placeholders that use them are empty until then.
/// </summary>
public sealed record TrackExtras(int? Year = null, string? Genre = null);
