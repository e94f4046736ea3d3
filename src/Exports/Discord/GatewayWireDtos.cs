using System.Text.Json.Serialization;

namespace Navidrome.DiscordPresence.Exports.Discord;

// Gateway frames as Discord reads them (docs/discord-gateway.md, 'Identify' and 'The presence update'). Property order is the wire order.
// Absent optional fields are left out (the context ignores nulls), except where Discord wants an explicit null.

internal sealed record HeartbeatFrame([property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? D)
{
    [JsonPropertyOrder(-1)]
    public int Op => 1;
}

internal sealed record IdentifyFrame(IdentifyData D)
{
    [JsonPropertyOrder(-1)]
    public int Op => 2;
}

internal sealed record PresenceFrame(PresenceData D)
{
    [JsonPropertyOrder(-1)]
    public int Op => 3;
}

internal sealed record ResumeFrame(ResumeData D)
{
    [JsonPropertyOrder(-1)]
    public int Op => 6;
}

/// <param name="Intents">
/// Always 0: user accounts default to every intent group on, so an identify without <c>intents</c> streams every
/// message, typing, presence and voice event of every guild the account is in, each a plugin call in a fresh
/// instance. With 0 only passthrough events remain (READY, RESUMED, session and user events); the session uses
/// none of the gated ones.
/// </param>
internal sealed record IdentifyData(string Token, ClientProperties Properties, PresenceData Presence, int Intents = 0);

/// <summary>
/// Client properties of a desktop client on Linux: documented values, where the Go plugin sent "Windows 10", which
/// is not one (its issue #52; see docs/go-plugin-weaknesses.md, 'Identify properties'); "Discord Client" as browser
/// gives the desktop status indicator.
/// </summary>
internal sealed record ClientProperties(string Os, string Browser, string Device, string SystemLocale, string ReleaseChannel)
{
    public static readonly ClientProperties Desktop = new("Linux", "Discord Client", "", "en-US", "stable");
}

internal sealed record ResumeData(
    string Token,
    string SessionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Seq);

internal sealed record PresenceData(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? Since,
    ActivityData[] Activities,
    string Status,
    bool Afk);

internal sealed record ActivityData(
    string Name,
    int Type,
    string? Details,
    string? DetailsUrl,
    string? State,
    string? StateUrl,
    string? ApplicationId,
    int? StatusDisplayType,
    TimestampsData? Timestamps,
    AssetsData? Assets,
    string[]? Buttons,
    MetadataData? Metadata);

internal sealed record TimestampsData(long? Start, long? End);

internal sealed record AssetsData(string? LargeImage, string? LargeText, string? LargeUrl, string? SmallImage, string? SmallText);

/// <summary>
/// A user account sends a button's URL apart from its label: <c>buttons</c> holds the labels, <c>metadata.button_urls</c>
/// the URLs in the same order (docs/discord-gateway.md, 'Buttons').
/// </summary>
internal sealed record MetadataData(string[] ButtonUrls);

/// <summary>Source-generated JSON for gateway frames: snake_case, nulls left out (the wasm build is trimmed).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HeartbeatFrame))]
[JsonSerializable(typeof(IdentifyFrame))]
[JsonSerializable(typeof(PresenceFrame))]
[JsonSerializable(typeof(ResumeFrame))]
internal sealed partial class GatewayJson : JsonSerializerContext;
