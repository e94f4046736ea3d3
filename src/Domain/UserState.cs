using Navidrome.DiscordPresence.Domain.Artwork;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;
using Navidrome.DiscordPresence.Domain.Song;
using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// Everything the core knows about one user, loaded fresh for every call (nothing survives in memory between
/// Navidrome's calls). It is stored as separate parts, one host key each, because calls run concurrently and the
/// host has no transactions: each part has one kind of writer, and a decision writes back only the parts it changed,
/// as state-write effects (<see cref="State.StoredState.Writes"/>). Which input reads which parts is
/// <see cref="State.InputNeeds"/>; which call writes which key is listed in src/Domain/State/StateKeys.cs. <see cref="Art"/> is the art
/// of the album in focus, shared by every user, like <see cref="Links"/> and <see cref="Song"/> (the track in focus's link, year and genre); <see cref="Lookup"/> lives only within one call and is never stored.
/// </summary>
public sealed record UserState(
    PlaybackState Playback,
    NowPlayingState NowPlaying,
    HostFacts Host,
    SessionState Session,
    BeatState Beat,
    Received Received,
    SentPresence Sent,
    TokenVerdict Token,
    string? GatewayUrl,
    ArtView Art,
    LinkView Links,
    SongFactsView Song,
    ArtLookup? Lookup = null)
{
    /// <summary>A user the plugin has never seen.</summary>
    public static readonly UserState Initial = new(
        PlaybackState.Empty, NowPlayingState.Empty, HostFacts.Unknown, SessionState.Initial,
        BeatState.None, Received.None, SentPresence.None, TokenVerdict.Accepted, null, ArtView.None, LinkView.None, SongFactsView.None);
}

/// <summary>The outcome of one decision: the new state, and the effects to carry out in order.</summary>
public readonly record struct Step(UserState State, EquatableArray<Effect> Effects);
