namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// A config value read from text: the value, or the problem with the text (then <see cref="Value"/> is meaningless).
/// The per-call reader keeps only good values; the checker turns problems into <see cref="ConfigError"/>s.
/// </summary>
public readonly record struct Parsed<T>(T Value, string? Problem)
{
    /// <summary>True when the text was good.</summary>
    public bool IsGood => Problem is null;

    /// <summary>The value, or <paramref name="fallback"/> when the text was bad.</summary>
    public T Or(T fallback) => Problem is null ? Value : fallback;
}

/// <summary>Builds <see cref="Parsed{T}"/> values.</summary>
public static class Parsed
{
    /// <summary>A good value.</summary>
    public static Parsed<T> Good<T>(T value) => new(value, null);

    /// <summary>A bad text and why.</summary>
    public static Parsed<T> Bad<T>(string problem) => new(default!, problem);
}
