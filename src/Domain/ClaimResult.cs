namespace Navidrome.DiscordPresence.Domain;

/// <summary>How a claim (a lock taken as a one-time schedule id, <see cref="Effects.Effect.Claim"/>) ended.</summary>
public enum ClaimResult
{
    /// <summary>The host accepted the schedule: this call holds the lock until the schedule has fired.</summary>
    Won,
    /// <summary>Every candidate id exists: other calls hold the locks.</summary>
    Taken,
    /// <summary>The scheduler failed for another reason: no lock can be had, so the caller falls back to deciding alone.</summary>
    Failed,
}
