using System.Text.Json.Serialization;

namespace Navidrome.DiscordPresence.Exports.Host;

/// <summary>Source-generated JSON for host-function requests and responses (the wasm build is trimmed: no reflection).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(KeyRequest))]
[JsonSerializable(typeof(PrefixRequest))]
[JsonSerializable(typeof(CacheSetStringRequest))]
[JsonSerializable(typeof(KvSetRequest))]
[JsonSerializable(typeof(StringValueResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(ScheduleOnceRequest))]
[JsonSerializable(typeof(ScheduleRecurringRequest))]
[JsonSerializable(typeof(ScheduleIdRequest))]
[JsonSerializable(typeof(NewScheduleResponse))]
[JsonSerializable(typeof(WebSocketConnectRequest))]
[JsonSerializable(typeof(WebSocketConnectResponse))]
[JsonSerializable(typeof(WebSocketSendTextRequest))]
[JsonSerializable(typeof(WebSocketCloseRequest))]
[JsonSerializable(typeof(ArtworkRequest))]
[JsonSerializable(typeof(UrlResponse))]
[JsonSerializable(typeof(UriRequest))]
[JsonSerializable(typeof(SubsonicCallResponse))]
[JsonSerializable(typeof(RawResponse))]
[JsonSerializable(typeof(HttpSendRequest))]
[JsonSerializable(typeof(HttpSendResponse))]
internal sealed partial class HostJson : JsonSerializerContext;
