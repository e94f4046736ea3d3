using System.Text.Json;
using System.Text.Json.Serialization;

namespace Navidrome.DiscordPresence.Domain.Song;

/// <summary>
/// Reads Navidrome's answer to <c>getSong</c> (<c>subsonicapi_call</c> returns the Subsonic JSON as text):
/// <c>subsonic-response.song.year</c> and <c>.genre</c> (Navidrome's first genre), else the first of the OpenSubsonic
/// <c>genres[].name</c>. Anything else (a host error, <c>status: failed</c>, no song, text that is not this JSON)
/// is a failure with a reason fit for one log line.
/// </summary>
public static class SongAnswer
{
    /// <summary>The year and genre (each null when the song has none), or the reason there are none.</summary>
    public static (int? Year, string? Genre, string? Problem) Read(string? responseJson, string? hostError)
    {
        if (hostError is not null) return (null, null, hostError);
        if (string.IsNullOrEmpty(responseJson)) return (null, null, "empty answer");
        SubsonicEnvelope? envelope;
        try { envelope = JsonSerializer.Deserialize(responseJson, SongJson.Default.SubsonicEnvelope); }
        catch (JsonException e) { return (null, null, "not Subsonic JSON: " + e.Message); }
        var response = envelope?.Response;
        if (response is null) return (null, null, "no subsonic-response in the answer");
        if (response.Status != "ok")
            return (null, null, response.Error is { } error ? $"Subsonic error {error.Code}: {error.Message}" : $"status '{response.Status}'");
        if (response.Song is not { } song) return (null, null, "the answer has no song");
        var genre = !string.IsNullOrWhiteSpace(song.Genre) ? song.Genre.Trim()
            : song.Genres?.Select(g => g?.Name?.Trim()).FirstOrDefault(n => !string.IsNullOrEmpty(n));
        return (song.Year is > 0 ? song.Year : null, genre, null);
    }
}

/// <summary>The parts of a Subsonic JSON answer the lookup reads; everything else is skipped unread.</summary>
internal sealed record SubsonicEnvelope([property: JsonPropertyName("subsonic-response")] SubsonicResponse? Response);

internal sealed record SubsonicResponse(string? Status, SubsonicError? Error, SubsonicSong? Song);

internal sealed record SubsonicError(int Code, string? Message);

internal sealed record SubsonicSong(int? Year, string? Genre, SubsonicGenre?[]? Genres);

internal sealed record SubsonicGenre(string? Name);

/// <summary>Source-generated JSON for the getSong answer (no reflection in the wasm module).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SubsonicEnvelope))]
internal sealed partial class SongJson : JsonSerializerContext;
