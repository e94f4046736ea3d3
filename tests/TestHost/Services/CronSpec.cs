using System.Globalization;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// The recurring schedules the test host understands, as Navidrome 0.61+ parses them (robfig/cron v3):
/// <c>@every &lt;go duration&gt;</c>, a bare Go duration (rewritten to @every), <c>@hourly</c>, <c>@daily</c>/<c>@midnight</c>.
/// Field-based cron lines are refused with a clear error: the plugin does not use them.
/// </summary>
public sealed record CronSpec(long EveryMs, bool AlignToHour, bool AlignToDay)
{
    public static CronSpec Parse(string expression)
    {
        var text = expression.Trim();
        switch (text)
        {
            case "@hourly": return new CronSpec(3_600_000, true, false);
            case "@daily" or "@midnight": return new CronSpec(86_400_000, false, true);
        }
        if (text.StartsWith("@every ", StringComparison.Ordinal)) text = text["@every ".Length..].Trim();
        if (TryParseGoDuration(text, out var ms)) return new CronSpec(ms, false, false);
        throw new HostError($"failed to parse cron expression \"{expression}\": the test host supports @every, bare durations, @hourly and @daily");
    }

    /// <summary>
    /// The next firing after <paramref name="afterMs"/>. robfig's ConstantDelaySchedule rounds the delay down to whole
    /// seconds (at least 1 s) and counts from the current second, dropping its fraction.
    /// </summary>
    public long Next(long afterMs)
    {
        if (AlignToHour) return (afterMs / 3_600_000 + 1) * 3_600_000;
        if (AlignToDay) return (afterMs / 86_400_000 + 1) * 86_400_000;
        var delay = Math.Max(1000, EveryMs / 1000 * 1000);
        return afterMs / 1000 * 1000 + delay;
    }

    /// <summary>Go's time.ParseDuration for the units ns, us, µs, ms, s, m, h (e.g. <c>41s</c>, <c>1m30s</c>, <c>1.5h</c>).</summary>
    public static bool TryParseGoDuration(string text, out long milliseconds)
    {
        milliseconds = 0;
        if (text.Length == 0) return false;
        double total = 0;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
            if (start == i || !double.TryParse(text[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return false;
            var unitStart = i;
            while (i < text.Length && !char.IsAsciiDigit(text[i]) && text[i] != '.') i++;
            var factor = text[unitStart..i] switch
            {
                "ns" => 1e-6,
                "us" or "µs" => 1e-3,
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => double.NaN,
            };
            if (double.IsNaN(factor)) return false;
            total += number * factor;
        }
        milliseconds = (long)total;
        return milliseconds > 0;
    }
}
