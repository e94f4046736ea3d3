using System.Text;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// The admin's text templates: <c>{track}</c>, <c>{artist}</c>, <c>{album}</c> and <c>{albumartist}</c> become the
/// track's values. One left-to-right pass, so a title that itself contains "{artist}" stays as it is; anything in
/// braces that is not a placeholder is kept literally (a template is never an error at render time).
/// </summary>
public static class Template
{
    /// <summary>The placeholders a template may use, for the config's documentation and validation.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["{track}", "{artist}", "{album}", "{albumartist}"];

    /// <summary>The template with every placeholder replaced by the track's value.</summary>
    public static string Render(string template, Track track)
    {
        var output = new StringBuilder(template.Length + 64);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0) { output.Append(template, i, template.Length - i); break; }
            output.Append(template, i, open - i);
            var close = template.IndexOf('}', open + 1);
            var value = close < 0 ? null : ValueOf(template.AsSpan(open + 1, close - open - 1), track);
            if (value is null) { output.Append('{'); i = open + 1; continue; }
            output.Append(value);
            i = close + 1;
        }
        return output.ToString();
    }

    /// <summary>The placeholder names in <paramref name="template"/> that are not known ones, for a config warning.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string template)
    {
        var i = 0;
        while ((i = template.IndexOf('{', i)) >= 0)
        {
            var close = template.IndexOf('}', i + 1);
            if (close < 0) yield break;
            var name = template.Substring(i, close - i + 1);
            if (!Placeholders.Contains(name)) yield return name;
            i = close + 1;
        }
    }

    private static string? ValueOf(ReadOnlySpan<char> name, Track track) => name switch
    {
        "track" => track.Title,
        "artist" => track.Artist,
        "album" => track.Album,
        "albumartist" => track.AlbumArtist.Length > 0 ? track.AlbumArtist : track.Artist,
        _ => null,
    };
}
