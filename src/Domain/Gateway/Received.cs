namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// What one connection (<see cref="Generation"/>) has heard from Discord: when the last heartbeat ACK (or its
/// Hello) arrived, and the last dispatch sequence number. Kept apart from <see cref="SessionState"/> and stored
/// under per-generation keys, so that an ACK or an unused dispatch, the most frequent frames, record themselves
/// without reading anything, and only that connection's own (sequential) callbacks ever write them.
/// </summary>
public sealed record Received(int Generation, long LastAckMs, long? Sequence)
{
    /// <summary>Nothing heard.</summary>
    public static readonly Received None = new(0, 0, null);

    /// <summary>What connection <paramref name="generation"/> has heard: this when it is that connection's, else nothing yet.</summary>
    public Received For(int generation) => Generation == generation ? this : None with { Generation = generation };
}
