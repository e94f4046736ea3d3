using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Gateway;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Exports.Navidrome;

/// <summary>
/// Turns each export's input JSON into a core input. Input the plugin cannot use raises
/// <see cref="BadInputException"/> with a message naming the export and the problem (never quoting config).
/// </summary>
internal static class InputReader
{
    private static ExportJson Json => ExportJson.Default;

    public static string Username(byte[] input, string export) =>
        Read(input, Json.UsernameDto, export).Username is { Length: > 0 } user ? user : throw new BadInputException(export, "no username");

    public static (string User, Input Input) PlaybackReport(byte[] input, long nowMs)
    {
        const string export = ExportNames.PlaybackReport;
        var dto = Read(input, Json.PlaybackReportDto, export);
        var user = dto.Username is { Length: > 0 } u ? u : throw new BadInputException(export, "no username");
        var track = dto.Track is { } t ? TrackMapping.ToTrack(t) : throw new BadInputException(export, "no track");
        var state = dto.State?.ToLowerInvariant() switch
        {
            "starting" => ReportState.Starting,
            "playing" => ReportState.Playing,
            "paused" => ReportState.Paused,
            "stopped" => ReportState.Stopped,
            "expired" => ReportState.Expired,
            _ => throw new BadInputException(export, $"unknown state '{dto.State}'"),
        };
        var report = new PlaybackReport(
            track, state, Math.Max(0, dto.PositionMs), Domain.Playback.PlaybackReport.NormaliseRate(dto.PlaybackRate),
            PlayerKey(dto.PlayerId, dto.PlayerName), dto.PlayerName ?? "", ReportInstant(dto.Timestamp, nowMs));
        return (user, new Input.PlaybackReported(user, report));
    }

    public static (string User, Input Input) NowPlaying(byte[] input)
    {
        const string export = ExportNames.NowPlaying;
        var dto = Read(input, Json.NowPlayingDto, export);
        var user = dto.Username is { Length: > 0 } u ? u : throw new BadInputException(export, "no username");
        var track = dto.Track is { } t ? TrackMapping.ToTrack(t) : throw new BadInputException(export, "no track");
        return (user, new Input.NowPlayingReported(user, track, Math.Max(0, dto.Position) * 1000));
    }

    /// <summary>
    /// A text frame: the outer JSON is walked with a reader and the frame text copied straight into a pooled
    /// buffer, so even a large READY is never turned into strings or a document. <paramref name="yieldingApplication"/>
    /// is asked only for READY and SESSIONS_REPLACE (see <see cref="FrameReader.Read"/>).
    /// </summary>
    public static Input TextMessage(byte[] input, Func<string?>? yieldingApplication = null)
    {
        var reader = new Utf8JsonReader(input);
        string? connection = null;
        InboundFrame? frame = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new BadInputException(ExportNames.OnTextMessage, "input is not a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("connectionId"u8)) { reader.Read(); connection = reader.GetString(); }
                else if (reader.ValueTextEquals("message"u8)) { reader.Read(); frame = ReadFrame(ref reader, yieldingApplication); }
                else { reader.Read(); reader.Skip(); }
            }
        }
        catch (JsonException e) { throw new BadInputException(ExportNames.OnTextMessage, e.Message); }
        catch (InvalidOperationException e) { throw new BadInputException(ExportNames.OnTextMessage, e.Message); }
        if (connection is null) throw new BadInputException(ExportNames.OnTextMessage, "no connectionId");
        return new Input.FrameReceived(connection, frame ?? new InboundFrame.Malformed("no message"));
    }

    private static InboundFrame ReadFrame(ref Utf8JsonReader reader, Func<string?>? yieldingApplication)
    {
        var length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            var written = reader.CopyString(buffer);
            return FrameReader.Read(buffer.AsSpan(0, written), yieldingApplication);
        }
        finally
        {
            // Cleared: a gateway frame can hold private data (READY carries the account), and a pooled array outlives
            // the call in a build-time snapshot.
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    public static Input Closed(byte[] input)
    {
        var dto = Read(input, Json.SocketCloseDto, ExportNames.OnClose);
        return new Input.SocketClosed(dto.ConnectionId ?? throw new BadInputException(ExportNames.OnClose, "no connectionId"), dto.Code, dto.Reason ?? "");
    }

    /// <summary>on_error: a Discord close code in gorilla's text becomes a close; anything else is a lost connection.</summary>
    public static Input Failed(byte[] input)
    {
        var dto = Read(input, Json.SocketErrorDto, ExportNames.OnError);
        var connection = dto.ConnectionId ?? throw new BadInputException(ExportNames.OnError, "no connectionId");
        var error = dto.Error ?? "";
        return SocketErrorText.TryReadClose(error, out var code, out var reason)
            ? new Input.SocketClosed(connection, code, reason)
            : new Input.SocketFailed(connection, error);
    }

    public static Input TimerFired(byte[] input)
    {
        var dto = Read(input, Json.SchedulerCallbackDto, ExportNames.SchedulerCallback);
        return new Input.TimerFired(dto.ScheduleId ?? throw new BadInputException(ExportNames.SchedulerCallback, "no scheduleId"), dto.Payload ?? "");
    }

    /// <summary>
    /// The key that keeps one client's playback apart from another's: the player id Navidrome sends, or, for a
    /// client that reports none, its player name (prefixed so it cannot equal a real id) — otherwise two such
    /// clients would merge into one player and each report would overwrite the other's.
    /// </summary>
    internal static string PlayerKey(string? playerId, string? playerName) =>
        playerId is { Length: > 0 } ? playerId
        : playerName is { Length: > 0 } ? "name:" + playerName
        : "";

    /// <summary>
    /// When the report's position was true. Navidrome's timestamp has whole seconds (see docs/go-plugin-weaknesses.md,
    /// 'Timestamps in whole seconds'); the call usually
    /// comes within that second, so the call's own clock gives the milliseconds, but a call delayed in
    /// Navidrome's queue is pinned to the report's second rather than drifting with the delay.
    /// </summary>
    private static long ReportInstant(long timestampSeconds, long nowMs)
    {
        if (timestampSeconds <= 0) return nowMs;
        var start = timestampSeconds * 1000;
        return Math.Clamp(nowMs, start, start + 999);
    }

    private static T Read<T>(byte[] input, JsonTypeInfo<T> info, string export)
    {
        try
        {
            return JsonSerializer.Deserialize(input, info) ?? throw new BadInputException(export, "input is null");
        }
        catch (JsonException e)
        {
            throw new BadInputException(export, $"input is not the expected JSON ({e.Message})");
        }
    }
}

/// <summary>An export's input was unusable; the message names the export and the problem.</summary>
internal sealed class BadInputException(string export, string problem) : Exception($"{export}: bad input: {problem}");
