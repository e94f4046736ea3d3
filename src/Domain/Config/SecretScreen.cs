using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// Tells whether a text contains one of the configured Discord tokens, without holding any token: it keeps each
/// token's length and a 64-bit polynomial hash, and slides a window of that length over the text (Rabin–Karp), so
/// the check costs one pass per distinct token length. A presence field that contains a token is never sent: Discord
/// shows presences to everyone who can see the user. A false match (chance about 2^-64 per window) only drops a field.
/// </summary>
public sealed record SecretScreen(EquatableArray<SecretScreen.Trace> Traces)
{
    /// <summary>A token's length (UTF-16 units) and polynomial hash; not enough to recover the token.</summary>
    public readonly record struct Trace(int Length, ulong Hash);

    private const ulong Base = 1_000_003;

    /// <summary>Screens for nothing.</summary>
    public static readonly SecretScreen None = new([]);

    /// <summary>A screen for these tokens (empty ones are skipped; duplicates kept once).</summary>
    public static SecretScreen Of(IEnumerable<string> tokens) =>
        new([.. tokens.Where(t => t.Length > 0).Select(t => new Trace(t.Length, HashOf(t))).Distinct()]);

    /// <summary>True when <paramref name="text"/> contains one of the screened tokens.</summary>
    public bool Reveals(string? text)
    {
        if (string.IsNullOrEmpty(text) || Traces.IsEmpty) return false;
        foreach (var trace in Traces)
            if (trace.Length <= text.Length && Contains(text, trace)) return true;
        return false;
    }

    private static bool Contains(string text, Trace trace)
    {
        // hash(window) = Σ c[i]·Base^(L-1-i), wrapping at 2^64; sliding drops the first char and appends the next.
        var length = trace.Length;
        var top = 1UL;
        for (var i = 1; i < length; i++) top *= Base;
        var hash = HashOf(text.AsSpan(0, length));
        for (var start = 0; ; start++)
        {
            if (hash == trace.Hash) return true;
            if (start + length >= text.Length) return false;
            hash = (hash - text[start] * top) * Base + text[start + length];
        }
    }

    private static ulong HashOf(ReadOnlySpan<char> text)
    {
        var hash = 0UL;
        foreach (var c in text) hash = hash * Base + c;
        return hash;
    }

    /// <summary>Says how many tokens are screened, never anything about them.</summary>
    public override string ToString() => $"SecretScreen({Traces.Count} tokens)";
}
