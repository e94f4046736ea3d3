namespace Navidrome.DiscordPresence.Effects.Discord;

/// <summary>
/// The presence payload of op 3 (and of identify), field for field as Discord takes it
/// (see docs/discord-gateway.md, 'The presence update'). Null fields are left out of the JSON.
/// A clear is a presence with no activities.
/// </summary>
public sealed record PresenceUpdate(EquatableArray<Activity> Activities, string Status, long Since = 0, bool Afk = false)
{
    /// <summary>True when this presence shows nothing (the clear payload).</summary>
    public bool IsClear => Activities.IsEmpty;

    /// <summary>A valid clear payload: no activities, the given status.</summary>
    public static PresenceUpdate Clear(string status) => new([], status);
}

/// <summary>An activity as Discord takes it; field limits are enforced by the core before it builds one.</summary>
public sealed record Activity(
    string Name,
    int Type,
    string? ApplicationId,
    string? Details,
    string? DetailsUrl,
    string? State,
    string? StateUrl,
    int? StatusDisplayType,
    ActivityTimestamps? Timestamps,
    ActivityAssets? Assets);

/// <summary>Unix milliseconds; with both start and end Discord shows a progress bar.</summary>
public sealed record ActivityTimestamps(long? Start, long? End);

/// <summary>Images and their hover texts; image values are <c>mp:</c> media-proxy paths.</summary>
public sealed record ActivityAssets(
    string? LargeImage,
    string? LargeText,
    string? LargeUrl,
    string? SmallImage,
    string? SmallText);
