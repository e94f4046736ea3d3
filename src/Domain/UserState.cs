using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// Everything the core knows about one user, loaded fresh for every call (nothing survives in memory between
/// Navidrome's calls). It is stored as separate parts, one host key each, because calls run concurrently and the
/// host has no transactions: each part has one kind of writer, and the shell writes back only the parts a decision
/// changed. Which call writes which part is listed in src/Exports/State/StateKeys.cs. <see cref="Art"/> is the art
/// of the album in focus, shared by every user; <see cref="Lookup"/> lives only within one call and is never stored.
/// </summary>
public sealed record UserState(
    PlaybackState Playback,
    NowPlayingState NowPlaying,
    HostFacts Host,
    SessionState Session,
    BeatState Beat,
    SentPresence Sent,
    TokenVerdict Token,
    string? GatewayUrl,
    ArtView Art,
    LinkView Links,
    ArtLookup? Lookup = null)
{
    /// <summary>A user the plugin has never seen.</summary>
    public static readonly UserState Initial = new(
        PlaybackState.Empty, NowPlayingState.Empty, HostFacts.Unknown, SessionState.Initial,
        BeatState.None, SentPresence.None, TokenVerdict.Accepted, null, ArtView.None, LinkView.None);
}

/// <summary>The outcome of one decision: the new state, and the effects to carry out in order.</summary>
public readonly record struct Step(UserState State, EquatableArray<Effect> Effects);
