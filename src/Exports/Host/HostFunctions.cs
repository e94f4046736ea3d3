using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports.Host;

/// <summary>
/// Typed calls of Navidrome's host functions over the seam. Each returns the host's error text, or null on
/// success, and never throws for a host-side failure: a broken answer becomes an error text too.
/// </summary>
internal sealed class HostFunctions(IPluginHost host)
{
    private static HostJson Json => HostJson.Default;

    public (string? Value, string? Error) CacheGetString(string key) =>
        Read(Call(HostFunctionNames.CacheGetString, new KeyRequest(key), Json.KeyRequest, Json.StringValueResponse));

    public string? CacheSetString(string key, string value, long ttlSeconds) =>
        ErrorOf(Call(HostFunctionNames.CacheSetString, new CacheSetStringRequest(key, value, ttlSeconds), Json.CacheSetStringRequest, Json.ErrorResponse));

    public string? CacheRemove(string key) =>
        ErrorOf(Call(HostFunctionNames.CacheRemove, new KeyRequest(key), Json.KeyRequest, Json.ErrorResponse));

    public (string? Value, string? Error) KvGet(string key)
    {
        var (base64, error) = Read(Call(HostFunctionNames.KvGet, new KeyRequest(key), Json.KeyRequest, Json.StringValueResponse));
        if (error is not null || base64 is null) return (null, error);
        try { return (Encoding.UTF8.GetString(Convert.FromBase64String(base64)), null); }
        catch (FormatException) { return (null, $"kvstore value of '{key}' is not base64"); }
    }

    public string? KvSet(string key, string value) =>
        ErrorOf(Call(HostFunctionNames.KvSet, new KvSetRequest(key, Convert.ToBase64String(Encoding.UTF8.GetBytes(value))), Json.KvSetRequest, Json.ErrorResponse));

    public string? KvDelete(string key) =>
        ErrorOf(Call(HostFunctionNames.KvDelete, new KeyRequest(key), Json.KeyRequest, Json.ErrorResponse));

    public string? ScheduleOnce(int delaySeconds, string payload, string scheduleId) =>
        ErrorOf(Call(HostFunctionNames.ScheduleOnce, new ScheduleOnceRequest(delaySeconds, payload, scheduleId), Json.ScheduleOnceRequest, Json.NewScheduleResponse));

    public string? ScheduleRecurring(string cron, string payload, string scheduleId) =>
        ErrorOf(Call(HostFunctionNames.ScheduleRecurring, new ScheduleRecurringRequest(cron, payload, scheduleId), Json.ScheduleRecurringRequest, Json.NewScheduleResponse));

    public string? CancelSchedule(string scheduleId) =>
        ErrorOf(Call(HostFunctionNames.CancelSchedule, new ScheduleIdRequest(scheduleId), Json.ScheduleIdRequest, Json.ErrorResponse));

    public string? WebSocketConnect(string url, string connectionId) =>
        ErrorOf(Call(HostFunctionNames.WebSocketConnect, new WebSocketConnectRequest(url, null, connectionId), Json.WebSocketConnectRequest, Json.WebSocketConnectResponse));

    public string? WebSocketSendText(string connectionId, string message) =>
        ErrorOf(Call(HostFunctionNames.WebSocketSendText, new WebSocketSendTextRequest(connectionId, message), Json.WebSocketSendTextRequest, Json.ErrorResponse));

    public string? WebSocketClose(string connectionId, int code, string reason) =>
        ErrorOf(Call(HostFunctionNames.WebSocketClose, new WebSocketCloseRequest(connectionId, code, reason), Json.WebSocketCloseRequest, Json.ErrorResponse));

    public (string? Url, string? Error) ArtworkTrackUrl(string trackId, int size)
    {
        var answer = Call(HostFunctionNames.ArtworkTrackUrl, new ArtworkRequest(trackId, size), Json.ArtworkRequest, Json.UrlResponse);
        return ErrorOf(answer) is { } error ? (null, error) : (string.IsNullOrEmpty(answer!.Url) ? null : answer.Url, null);
    }

    public (string? ResponseJson, string? Error) SubsonicCall(string uri)
    {
        var answer = Call(HostFunctionNames.SubsonicCall, new UriRequest(uri), Json.UriRequest, Json.SubsonicCallResponse);
        return ErrorOf(answer) is { } error ? (null, error) : (answer!.ResponseJson, null);
    }

    public (string? ContentType, string? DataBase64, string? Error) SubsonicCallRaw(string uri)
    {
        var answer = Call(HostFunctionNames.SubsonicCallRaw, new UriRequest(uri), Json.UriRequest, Json.RawResponse);
        return ErrorOf(answer) is { } error ? (null, null, error) : (answer!.ContentType, answer.Data, null);
    }

    public (HttpResponseDto? Response, string? Error) HttpSend(HttpRequestDto request)
    {
        var answer = Call(HostFunctionNames.HttpSend, new HttpSendRequest(request), Json.HttpSendRequest, Json.HttpSendResponse);
        if (answer is null) return (null, "http_send gave no readable answer");
        if (answer.Error is { Length: > 0 } error) return (null, error);
        return answer.Result is null ? (null, "http_send answered without a result") : (answer.Result, null);
    }

    private static string? ErrorOf(IHostAnswer? answer) =>
        answer is null ? "unreadable host answer" : string.IsNullOrEmpty(answer.Error) ? null : answer.Error;

    private static (string? Value, string? Error) Read(StringValueResponse? response) => response switch
    {
        null => (null, "unreadable host answer"),
        { Error: { Length: > 0 } error } => (null, error),
        { Exists: true } => (response.Value ?? "", null),
        _ => (null, null),
    };

    /// <summary>One host call: serialise, call, and decode; an undecodable answer is reported as null.</summary>
    private TResponse? Call<TRequest, TResponse>(string function, TRequest request, JsonTypeInfo<TRequest> requestInfo, JsonTypeInfo<TResponse> responseInfo)
        where TResponse : class, IHostAnswer
    {
        var answer = host.CallHost(function, JsonSerializer.SerializeToUtf8Bytes(request, requestInfo));
        if (answer.Length == 0) return null;
        try { return JsonSerializer.Deserialize(answer, responseInfo); }
        catch (JsonException) { return null; }
    }
}
