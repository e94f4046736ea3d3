using System.Text.Json.Serialization;

namespace Navidrome.DiscordPresence.Exports.Navidrome;

// Input shapes of Navidrome's capability exports (docs/navidrome-host.md, 'The exports and what their results mean'; Navidrome's
// plugins/capabilities/*.yaml).
// Every field is optional here: a missing field is checked where it matters, with a clear message.

internal sealed record ArtistRefDto(string? Name, string? Id, string? Mbid);

internal sealed record TrackInfoDto(
    string? Id, string? Title, string? Album, string? Artist, string? AlbumArtist,
    ArtistRefDto[]? Artists, double Duration,
    string? MbzRecordingId, string? MbzAlbumId, string? MbzReleaseGroupId,
    ArtistRefDto[]? AlbumArtists = null, int TrackNumber = 0, int DiscNumber = 0);

internal sealed record UsernameDto(string? Username);

internal sealed record NowPlayingDto(string? Username, TrackInfoDto? Track, long Position);

internal sealed record PlaybackReportDto(
    string? Username, TrackInfoDto? Track, string? State, long PositionMs, double PlaybackRate,
    string? PlayerId, string? PlayerName, long Timestamp);

internal sealed record SocketCloseDto(string? ConnectionId, int Code, string? Reason);

internal sealed record SocketErrorDto(string? ConnectionId, string? Error);

internal sealed record SchedulerCallbackDto(string? ScheduleId, string? Payload, bool IsRecurring);

/// <summary>Source-generated JSON for export inputs (Go's encoding/json writes lowerCamelCase keys).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(UsernameDto))]
[JsonSerializable(typeof(NowPlayingDto))]
[JsonSerializable(typeof(PlaybackReportDto))]
[JsonSerializable(typeof(SocketCloseDto))]
[JsonSerializable(typeof(SocketErrorDto))]
[JsonSerializable(typeof(SchedulerCallbackDto))]
[JsonSerializable(typeof(bool))]
internal sealed partial class ExportJson : JsonSerializerContext;
