using System.Text;

namespace Navidrome.DiscordPresence.Domain.Presence;

/// <summary>
/// Discord's limits on activity text, applied before a presence is built. Discord silently drops a whole presence
/// update when one field breaks a limit (see docs/discord-gateway.md, 'Activity fields and their limits'), so every field goes through here.
/// Characters are counted as Unicode scalar values (runes), as Discord and the Go plugin count them, never as
/// UTF-16 code units: an emoji is one character, not two.
/// </summary>
public static class TextField
{
    /// <summary>Discord's maximum length of a text field, in characters.</summary>
    public const int MaxRunes = 128;

    /// <summary>Discord's minimum length of a text field that is present.</summary>
    public const int MinRunes = 2;

    /// <summary>
    /// The longest button label that reaches other people, in UTF-8 bytes. Discord documents 1–32 characters, but a
    /// label of exactly 32 hides the whole presence from everyone but its owner, and non-Latin labels are refused
    /// sooner, as if counted in bytes (see docs/discord-gateway.md, "Buttons"): 31 bytes is what is known to show.
    /// </summary>
    public const int MaxLabelBytes = 31;

    /// <summary>Discord's maximum length of a URL field, in UTF-8 bytes.</summary>
    public const int MaxUrlBytes = 256;

    /// <summary>The activity name when nothing else is left.</summary>
    public const string FallbackName = "Navidrome";

    private const string Ellipsis = "…";

    /// <summary>
    /// The text as Discord accepts it: null when empty or blank (an absent field beats a padded blank one),
    /// cut to 127 characters plus "…" when longer than 128, padded with a space to 2 characters when shorter.
    /// </summary>
    public static string? Fit(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var runes = CountRunes(text);
        if (runes > MaxRunes) return KeepRunes(text, MaxRunes - 1) + Ellipsis;
        // Discord rejects one-character fields ("details length must be at least 2"); a trailing space is accepted.
        return runes < MinRunes ? text + " " : text;
    }

    /// <summary>
    /// A button label: null when empty or blank; when longer than <see cref="MaxLabelBytes"/>, cut at a character
    /// boundary so that it and "…" fit.
    /// </summary>
    public static string? FitLabel(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Encoding.UTF8.GetByteCount(text) <= MaxLabelBytes) return text;
        var builder = new StringBuilder(MaxLabelBytes);
        var room = MaxLabelBytes - Encoding.UTF8.GetByteCount(Ellipsis);
        foreach (var rune in text.EnumerateRunes())
        {
            if ((room -= rune.Utf8SequenceLength) < 0) break;
            builder.Append(rune.ToString());
        }
        return builder.Append(Ellipsis).ToString();
    }

    /// <summary>An activity name: like <see cref="Fit"/>, but never absent (falls back to "Navidrome").</summary>
    public static string FitName(string? text) => Fit(text) ?? FallbackName;

    /// <summary>The URL, or null when it is absent or longer than Discord takes: a cut URL would point nowhere.</summary>
    public static string? FitUrl(string? url) =>
        string.IsNullOrEmpty(url) || Encoding.UTF8.GetByteCount(url) > MaxUrlBytes ? null : url;

    /// <summary>The number of Unicode scalar values in <paramref name="text"/>.</summary>
    public static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes()) count++;
        return count;
    }

    private static string KeepRunes(string text, int runes)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (runes-- == 0) break;
            builder.Append(rune.ToString());
        }
        return builder.ToString();
    }
}
