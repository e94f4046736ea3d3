using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost;

/// <summary>
/// A track as Navidrome's scrobbler adapter describes it to plugins (<c>mediaFileToTrackInfo</c> in
/// plugins/scrobbler_adapter.go), plus the library's year and genre, which that description leaves out and only the
/// Subsonic API's getSong answers (0 and "": none).
/// </summary>
public sealed record TrackInfo(
    string Id, string Title, string Album, string Artist, double DurationSeconds,
    string AlbumArtist = "", string MbzRecordingId = "", string MbzAlbumId = "", string MbzReleaseGroupId = "",
    int Year = 0, string Genre = "")
{
    /// <summary>The TrackInfo JSON: display strings, artist arrays (never null), float seconds; MBIDs omitted when empty; no year or genre.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["title"] = Title,
            ["album"] = Album,
            ["artist"] = Artist,
            ["albumArtist"] = AlbumArtist.Length > 0 ? AlbumArtist : Artist,
            ["artists"] = new JsonArray(Artist.Split(" • ").Select(name => (JsonNode)new JsonObject { ["name"] = name }).ToArray()),
            ["albumArtists"] = new JsonArray(new JsonObject { ["name"] = AlbumArtist.Length > 0 ? AlbumArtist : Artist }),
            ["duration"] = DurationSeconds,
            ["trackNumber"] = 1,
            ["discNumber"] = 1,
        };
        if (MbzRecordingId.Length > 0) json["mbzRecordingId"] = MbzRecordingId;
        if (MbzAlbumId.Length > 0) json["mbzAlbumId"] = MbzAlbumId;
        if (MbzReleaseGroupId.Length > 0) json["mbzReleaseGroupId"] = MbzReleaseGroupId;
        return json;
    }
}
