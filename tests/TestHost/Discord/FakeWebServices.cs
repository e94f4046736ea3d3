using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.TestHost.Network;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>
/// Fakes of the other web services the plugin may call: Cover Art Archive (307 to archive.org, or 404 for albums
/// without art), ListenBrainz Labs (Spotify ids by MBID or metadata) and uguu.se (upload answers a file URL).
/// Each can be told to fail with a status.
/// </summary>
public sealed class FakeWebServices : IDisposable
{
    public const string CoverArtHost = "coverartarchive.org";
    public const string ListenBrainzHost = "labs.api.listenbrainz.org";
    public const string UguuHost = "uguu.se";

    private readonly FakeHttpLog _log;
    private readonly MiniHttpServer _coverArt, _listenBrainz, _uguu;
    private int _uploads;

    public FakeWebServices(FakeHttpLog log)
    {
        _log = log;
        _coverArt = new MiniHttpServer(r => Logged(CoverArtHost, r, CoverArt));
        _listenBrainz = new MiniHttpServer(r => Logged(ListenBrainzHost, r, ListenBrainz));
        _uguu = new MiniHttpServer(r => Logged(UguuHost, r, Uguu));
    }

    /// <summary>Album or release-group MBIDs without front art (404).</summary>
    public HashSet<string> CoverArtMissing { get; } = [];
    /// <summary>A status every Cover Art Archive request answers instead (0: behave normally).</summary>
    public int CoverArtStatus { get; set; }
    /// <summary>A status every ListenBrainz request answers instead (0: behave normally).</summary>
    public int ListenBrainzStatus { get; set; }
    /// <summary>When true, ListenBrainz finds no Spotify id.</summary>
    public bool ListenBrainzFindsNothing { get; set; }
    /// <summary>A status every uguu upload answers instead (0: behave normally).</summary>
    public int UguuStatus { get; set; }

    public void MapInto(HostMap map)
    {
        map.Map(CoverArtHost, _coverArt.Port);
        map.Map(ListenBrainzHost, _listenBrainz.Port);
        map.Map(UguuHost, _uguu.Port);
    }

    private FakeResponse Logged(string host, FakeRequest request, Func<FakeRequest, FakeResponse> answer)
    {
        var response = answer(request);
        _log.Add(host, request, response.Status);
        return response;
    }

    private FakeResponse CoverArt(FakeRequest request)
    {
        if (CoverArtStatus != 0) return new FakeResponse(CoverArtStatus);
        var parts = request.Path.Trim('/').Split('/');
        if (parts.Length != 3 || parts[0] is not ("release" or "release-group") || !parts[2].StartsWith("front", StringComparison.Ordinal))
            return new FakeResponse(400);
        if (CoverArtMissing.Contains(parts[1])) return new FakeResponse(404);
        var location = $"https://archive.org/download/mbid-{parts[1]}/mbid-{parts[1]}-{parts[2]}.jpg";
        return new FakeResponse(307, "", new Dictionary<string, string> { ["Location"] = location });
    }

    private FakeResponse ListenBrainz(FakeRequest request)
    {
        if (ListenBrainzStatus != 0) return FakeResponse.Json(ListenBrainzStatus, """{"error":"failure"}""");
        if (request.Method != "POST" || request.Path is not ("/spotify-id-from-mbid/json" or "/spotify-id-from-metadata/json"))
            return FakeResponse.Json(404, """{"error":"not found"}""");
        JsonNode? body;
        try { body = JsonNode.Parse(request.Body); }
        catch (JsonException) { return FakeResponse.Json(400, """{"error":"bad json"}"""); }
        var answer = new JsonArray();
        foreach (var item in body as JsonArray ?? [])
        {
            if (item is not JsonObject query) continue;
            var copy = (JsonObject)query.DeepClone();
            var ids = new JsonArray();
            if (!ListenBrainzFindsNothing) ids.Add(SpotifyId(query.ToJsonString()));
            copy["spotify_track_ids"] = ids;
            answer.Add(copy);
        }
        return FakeResponse.Json(200, answer.ToJsonString());
    }

    /// <summary>A stable 22-character base62 id for a query.</summary>
    public static string SpotifyId(string seed)
    {
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return new string([.. hash.Take(22).Select(b => alphabet[b % alphabet.Length])]);
    }

    private FakeResponse Uguu(FakeRequest request)
    {
        if (UguuStatus != 0) return FakeResponse.Json(UguuStatus, """{"success":false}""");
        if (request.Method != "POST" || request.Path != "/upload") return FakeResponse.Json(404, """{"success":false}""");
        if (!(request.Header("Content-Type") ?? "").StartsWith("multipart/form-data", StringComparison.Ordinal))
            return FakeResponse.Json(400, """{"success":false,"errorcode":400,"description":"No input file(s)"}""");
        var n = Interlocked.Increment(ref _uploads);
        var name = $"upload{n:000}.jpg";
        var answer = new JsonObject
        {
            ["success"] = true,
            ["files"] = new JsonArray(new JsonObject { ["hash"] = $"h{n}", ["filename"] = name, ["url"] = $"https://n.uguu.se/{name}", ["size"] = request.Body.Length }),
        };
        return FakeResponse.Json(200, answer.ToJsonString());
    }

    public void Dispose()
    {
        _coverArt.Dispose();
        _listenBrainz.Dispose();
        _uguu.Dispose();
    }
}
