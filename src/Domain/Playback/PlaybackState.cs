using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>
/// A user's players, as told by PlaybackReports (Navidrome 0.62+), and which of them owns the presence.
/// Invariants: player ids are unique; <see cref="Owner"/> is null or the id of a listed player.
/// </summary>
public sealed record PlaybackState(EquatableArray<PlayerSession> Players, string? Owner)
{
    /// <summary>No players.</summary>
    public static readonly PlaybackState Empty = new([], null);

    /// <summary>The player that owns the presence, if any.</summary>
    public PlayerSession? OwnerSession => Owner is null ? null : Find(Owner);

    /// <summary>The player with this id, if known.</summary>
    public PlayerSession? Find(string playerId)
    {
        foreach (var player in Players)
            if (player.PlayerId == playerId) return player;
        return null;
    }
}
