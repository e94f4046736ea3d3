namespace Navidrome.DiscordPresence.Domain.Artwork;

/// <summary>
/// Progress of one album's art lookup within a single call: the lookup runs as a chain of answered effects
/// (Cover Art Archive, Navidrome, registration) inside the art timer's call, and is never stored.
/// </summary>
public sealed record ArtLookup(string AlbumKey, ArtSource Next, bool HadPassingFailure, string? Candidate = null, long CandidateTrustMs = AlbumArt.HitMs);

/// <summary>The sources in the order they are tried; each is skipped when disabled or not applicable.</summary>
public enum ArtSource { CoverArtRelease, CoverArtReleaseGroup, Uguu, Navidrome, None }
