namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>Navidrome's generated ids: 22 base62 characters (model/id), from a seeded source so runs repeat.</summary>
public sealed class Ids(int seed = 7)
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private readonly Random _random = new(seed);

    public string Next()
    {
        lock (_random) return string.Create(22, _random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = Alphabet[r.Next(Alphabet.Length)];
        });
    }
}
