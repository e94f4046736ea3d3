using System.Text;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Services;

/// <summary>
/// The library-facing host services: Users (the granted users only), Artwork (Navidrome's public share URLs, which
/// start with http://localhost unless a ShareURL is configured), and SubsonicAPI (getCoverArt returns a small
/// JPEG, getSong a library track as Navidrome's JSON; <c>u</c> is required and must be a granted user).
/// </summary>
public sealed class LibraryServices(HostOptions options)
{
    private readonly Dictionary<string, TrackInfo> library = new(StringComparer.Ordinal);

    /// <summary>Puts a track in the library getSong answers from (a scenario's tracks are all there).</summary>
    public void Add(TrackInfo track) => library[track.Id] = track;

    /// <summary>The bytes every getCoverArt answers: a JPEG start-of-image marker and a little padding.</summary>
    public static readonly byte[] CoverArtJpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, .. "JFIF"u8, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public byte[] Call(string function, HostRequest request) => function switch
    {
        "users_getusers" => Users(options.Users),
        "users_getadmins" => Users(options.Users.Where(u => u.IsAdmin)),
        "artwork_getartisturl" => ArtUrl("ar", request),
        "artwork_getalbumurl" => ArtUrl("al", request),
        "artwork_gettrackurl" => ArtUrl("mf", request),
        "artwork_getplaylisturl" => ArtUrl("pl", request),
        "subsonicapi_call" => SubsonicCall(request.String("uri")),
        "subsonicapi_callraw" => SubsonicRaw(request.String("uri")),
        _ => throw new HostError($"unknown function {function}"),
    };

    private static byte[] Users(IEnumerable<NavidromeUser> users)
    {
        JsonArray list = [.. users.Select(u => (JsonNode)new JsonObject { ["userName"] = u.UserName, ["name"] = u.Name, ["isAdmin"] = u.IsAdmin })];
        return new HostResponse().Set("result", list).ToBytes();
    }

    /// <summary>&lt;base&gt;/share/img/&lt;token&gt;[?size=N]; the token is stable per item, like Navidrome's unexpiring JWT.</summary>
    private byte[] ArtUrl(string kind, HostRequest request)
    {
        var id = request.String("id");
        var size = request.Int("size");
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}-{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var url = $"{options.PublicBaseUrl.TrimEnd('/')}/share/img/{token}" + (size > 0 ? $"?size={size}" : "");
        return new HostResponse().Set("url", url).ToBytes();
    }

    private (string Endpoint, Dictionary<string, string> Query) ParseUri(string uri)
    {
        var question = uri.IndexOf('?');
        var path = question < 0 ? uri : uri[..question];
        var endpoint = path.TrimEnd('/').Split('/')[^1];
        if (endpoint.EndsWith(".view", StringComparison.Ordinal)) endpoint = endpoint[..^5];
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (question >= 0)
            foreach (var pair in uri[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=');
                var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
                query.TryAdd(name, eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')));
            }
        if (!query.TryGetValue("u", out var user) || user.Length == 0) throw new HostError("missing required parameter 'u'");
        if (options.Users.All(u => u.UserName != user)) throw new HostError($"user \"{user}\" is not authorized for this plugin");
        return (endpoint, query);
    }

    private byte[] SubsonicCall(string uri)
    {
        var (endpoint, query) = ParseUri(uri);
        var body = endpoint switch
        {
            "getCoverArt" => """{"subsonic-response":{"status":"failed","version":"1.16.1","error":{"code":0,"message":"getCoverArt returns binary data: use callraw"}}}""",
            "getSong" => GetSong(query.GetValueOrDefault("id", "")),
            _ => """{"subsonic-response":{"status":"ok","version":"1.16.1","type":"navidrome","serverVersion":"test","openSubsonic":true}}""",
        };
        return new HostResponse().Set("responseJson", body).ToBytes();
    }

    /// <summary>
    /// getSong as Navidrome answers it (server/subsonic/browsing.go, childFromMediaFile): year and genre omitted when
    /// empty, OpenSubsonic's genres always a list; an unknown id is error 70.
    /// </summary>
    private string GetSong(string id)
    {
        if (!library.TryGetValue(id, out var track))
            return """{"subsonic-response":{"status":"failed","version":"1.16.1","type":"navidrome","serverVersion":"test","openSubsonic":true,"error":{"code":70,"message":"Song not found"}}}""";
        var song = new JsonObject
        {
            ["id"] = track.Id,
            ["isDir"] = false,
            ["title"] = track.Title,
            ["album"] = track.Album,
            ["artist"] = track.Artist,
            ["duration"] = (int)track.DurationSeconds,
        };
        if (track.Year > 0) song["year"] = track.Year;
        if (track.Genre.Length > 0) song["genre"] = track.Genre;
        song["genres"] = track.Genre.Length > 0 ? new JsonArray(new JsonObject { ["name"] = track.Genre }) : new JsonArray();
        return new JsonObject
        {
            ["subsonic-response"] = new JsonObject
            {
                ["status"] = "ok", ["version"] = "1.16.1", ["type"] = "navidrome", ["serverVersion"] = "test", ["openSubsonic"] = true, ["song"] = song,
            },
        }.ToJsonString();
    }

    private byte[] SubsonicRaw(string uri)
    {
        var (endpoint, query) = ParseUri(uri);
        if (endpoint != "getCoverArt")
            return new HostResponse().Set("contentType", "application/json").SetBytes("data", Encoding.UTF8.GetBytes("""{"subsonic-response":{"status":"ok","version":"1.16.1"}}""")).ToBytes();
        if (!query.TryGetValue("id", out var id) || id.Length == 0) throw new HostError("missing required parameter 'id'");
        return new HostResponse().Set("contentType", "image/jpeg").SetBytes("data", CoverArtJpeg).ToBytes();
    }
}
