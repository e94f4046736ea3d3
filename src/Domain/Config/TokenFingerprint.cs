using Navidrome.DiscordPresence.Domain.Hashing;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// A short digest of a token (FNV-1a of its UTF-8 bytes, 16 hex digits): lets the core notice a changed token (to
/// lift a "token rejected" stop) without ever holding the token. 64 bits of a token carry far too little to recover it.
/// </summary>
public static class TokenFingerprint
{
    /// <summary>The fingerprint of <paramref name="token"/>.</summary>
    public static string Of(string token) => Fnv1a.Hex(token);
}
