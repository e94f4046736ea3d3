using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Playback;

/// <summary>
/// A user's players, as told by PlaybackReports (Navidrome 0.62+), and which of them owns the presence.
/// Invariants: player ids are unique; <see cref="Owner"/> is null or the id of a listed player.
/// <see cref="ChangedMs"/> is when the players last changed, increasing with every change (stamped by the core),
/// so a call can tell that what it read is older than what another call already showed.
/// </summary>
public sealed record PlaybackState(EquatableArray<PlayerSession> Players, string? Owner, long ChangedMs = 0)
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
