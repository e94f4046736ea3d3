namespace Navidrome.DiscordPresence.Exports.Host;

// Request and response shapes of Navidrome's host functions (docs/navidrome-host.md, 'Calling host functions'). Requests always send
// every key in lowerCamelCase; responses omit zero values, so every response field is optional here.

internal sealed record KeyRequest(string Key);
internal sealed record PrefixRequest(string Prefix);
internal sealed record CacheSetStringRequest(string Key, string Value, long TtlSeconds);
internal sealed record KvSetRequest(string Key, string Value);
internal sealed record StringValueResponse(string? Value, bool Exists, string? Error) : IHostAnswer;
internal sealed record ErrorResponse(string? Error) : IHostAnswer;

internal sealed record ScheduleOnceRequest(int DelaySeconds, string Payload, string ScheduleId);
internal sealed record ScheduleRecurringRequest(string CronExpression, string Payload, string ScheduleId);
internal sealed record ScheduleIdRequest(string ScheduleId);
internal sealed record NewScheduleResponse(string? NewScheduleId, string? Error) : IHostAnswer;

internal sealed record WebSocketConnectRequest(string Url, Dictionary<string, string>? Headers, string ConnectionId);
internal sealed record WebSocketConnectResponse(string? NewConnectionId, string? Error) : IHostAnswer;
internal sealed record WebSocketSendTextRequest(string ConnectionId, string Message);
internal sealed record WebSocketCloseRequest(string ConnectionId, int Code, string Reason);

internal sealed record ArtworkRequest(string Id, int Size);
internal sealed record UrlResponse(string? Url, string? Error) : IHostAnswer;

internal sealed record UriRequest(string Uri);
internal sealed record SubsonicCallResponse(string? ResponseJson, string? Error) : IHostAnswer;
internal sealed record RawResponse(string? ContentType, string? Data, string? Error) : IHostAnswer;

internal sealed record HttpSendRequest(HttpRequestDto Request);
internal sealed record HttpRequestDto(string Method, string Url, Dictionary<string, string>? Headers, string? Body, int TimeoutMs, bool NoFollowRedirects);
internal sealed record HttpSendResponse(HttpResponseDto? Result, string? Error) : IHostAnswer;
internal sealed record HttpResponseDto(int StatusCode, Dictionary<string, string>? Headers, string? Body);

/// <summary>Every host answer may carry an error text, which is checked first.</summary>
internal interface IHostAnswer
{
    string? Error { get; }
}
