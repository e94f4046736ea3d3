using System.Globalization;
using System.Text;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>The small lexical pieces of the scenario format: words with quotes, times, key=value options.</summary>
public static class ScenarioText
{
    /// <summary>Splits a line into words; "double quoted" words may hold spaces; a # outside quotes starts a comment.</summary>
    public static List<string> Words(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var inWord = false;
        foreach (var c in line)
        {
            if (c == '"') { quoted = !quoted; inWord = true; continue; }
            if (!quoted && c == '#') break;
            if (!quoted && char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(current.ToString());
                current.Clear();
                inWord = false;
                continue;
            }
            current.Append(c);
            inWord = true;
        }
        if (quoted) throw new FormatException("unclosed quote");
        if (inWord) words.Add(current.ToString());
        return words;
    }

    /// <summary>
    /// A time or duration in ms: <c>m:ss</c>, <c>h:mm:ss</c> (seconds may have a fraction), or a Go-style duration
    /// such as <c>90s</c>, a plain number of seconds,, <c>5m</c>, <c>1h30m</c>, <c>250ms</c>.
    /// </summary>
    public static long Time(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            var parts = text.Split(':');
            if (parts.Length is < 2 or > 3) throw new FormatException($"bad time '{text}'");
            double total = 0;
            foreach (var part in parts)
            {
                if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n < 0) throw new FormatException($"bad time '{text}'");
                total = total * 60 + n;
            }
            return (long)Math.Round(total * 1000);
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0) return (long)Math.Round(seconds * 1000);
        if (Services.CronSpec.TryParseGoDuration(text, out var ms)) return ms;
        throw new FormatException($"bad time '{text}' (write 1:30, 0:00:05, 90s, 5m or 250ms)");
    }

    /// <summary>Splits words into key=value options and the rest.</summary>
    public static (Dictionary<string, string> Options, List<string> Others) Options(IEnumerable<string> words)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        foreach (var word in words)
        {
            var eq = word.IndexOf('=');
            if (eq > 0 && !word.StartsWith('=') && word[..eq].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                options[word[..eq]] = word[(eq + 1)..];
            else rest.Add(word);
        }
        return (options, rest);
    }
}
