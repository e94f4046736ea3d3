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
    ActivityAssets? Assets,
    ActivityButtons? Buttons = null);

/// <summary>Unix milliseconds; with both start and end Discord shows a progress bar.</summary>
public sealed record ActivityTimestamps(long? Start, long? End);

/// <summary>Images and their hover texts; image values are <c>mp:</c> media-proxy paths.</summary>
public sealed record ActivityAssets(
    string? LargeImage,
    string? LargeText,
    string? LargeUrl,
    string? SmallImage,
    string? SmallText);

/// <summary>
/// One or two clickable buttons (Discord shows at most two), each a label and an https URL already within Discord's
/// limits. Two fixed slots rather than a list: the type cannot hold a third, and equality is a few string compares.
/// </summary>
public sealed record ActivityButtons(ActivityButton First, ActivityButton? Second = null);

/// <summary>A button's label (1–31 bytes of UTF-8: see TextField.MaxLabelBytes) and the URL it opens (https, at most 512 characters).</summary>
public sealed record ActivityButton(string Label, string Url);
