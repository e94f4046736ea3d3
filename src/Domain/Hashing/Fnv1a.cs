using System.Globalization;
using System.Text;

namespace Navidrome.DiscordPresence.Domain.Hashing;

/// <summary>
/// 64-bit FNV-1a over a string's UTF-8 bytes: a cheap, stable digest for keys and fingerprints. It only has to tell
/// values apart (album keys, schedule ids, whether a token changed); it is not a cryptographic hash. Not SHA-256:
/// under the wasm interpreter that cost about 0.1 ms per call, and every call fingerprints its user.
/// </summary>
public static class Fnv1a
{
    private const ulong Offset = 14695981039346656037, Prime = 1099511628211;

    /// <summary>The 64-bit hash of <paramref name="text"/>'s UTF-8 bytes.</summary>
    public static ulong Hash(string text)
    {
        var hash = Offset;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * Prime;
        return hash;
    }

    /// <summary>The hash as 16 lower-case hex digits.</summary>
    public static string Hex(string text) => Hash(text).ToString("x16", CultureInfo.InvariantCulture);
}
