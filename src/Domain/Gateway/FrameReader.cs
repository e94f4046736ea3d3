using System.Text.Json;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Reads a gateway text frame without materialising it (issue: cost per frame). A user token receives many
/// dispatches, each in a fresh plugin instance, and READY for a user account is large: only <c>op</c>, <c>s</c>,
/// <c>t</c> and the few <c>d</c> fields the session keeps are read; everything else is skipped unread.
/// </summary>
public static class FrameReader
{
    /// <summary>The frame in a UTF-8 JSON text; malformed input becomes <see cref="InboundFrame.Malformed"/>, never an exception.</summary>
    public static InboundFrame Read(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return ReadUnchecked(utf8);
        }
        catch (JsonException e)
        {
            return new InboundFrame.Malformed($"not JSON ({e.Message.Split('.')[0]})");
        }
        catch (InvalidOperationException)
        {
            return new InboundFrame.Malformed("a field has the wrong JSON type");
        }
    }

    private static InboundFrame ReadUnchecked(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return new InboundFrame.Malformed("not a JSON object");

        int? op = null;
        long? sequence = null;
        string? type = null;
        var payload = default(Utf8JsonReader);
        var hasPayload = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("op"u8)) { reader.Read(); op = reader.GetInt32(); }
            else if (reader.ValueTextEquals("s"u8)) { reader.Read(); sequence = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64(); }
            else if (reader.ValueTextEquals("t"u8)) { reader.Read(); type = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); }
            else if (reader.ValueTextEquals("d"u8)) { reader.Read(); payload = reader; hasPayload = true; reader.Skip(); }
            else { reader.Read(); reader.Skip(); }
        }

        return op switch
        {
            null => new InboundFrame.Malformed("no op"),
            0 => new InboundFrame.Dispatch(sequence, type, type == "READY" && hasPayload ? ReadReady(payload) : null),
            1 => new InboundFrame.HeartbeatRequest(),
            7 => new InboundFrame.Reconnect(),
            9 => new InboundFrame.InvalidSession(hasPayload && payload.TokenType == JsonTokenType.True),
            10 => hasPayload && ReadInt(payload, "heartbeat_interval"u8) is { } interval
                ? new InboundFrame.Hello(interval)
                : new InboundFrame.Malformed("Hello without heartbeat_interval"),
            11 => new InboundFrame.HeartbeatAck(),
            _ => new InboundFrame.Unknown(op.Value),
        };
    }

    private static ReadyInfo? ReadReady(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        string? sessionId = null, resumeUrl = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("session_id"u8)) { reader.Read(); sessionId = reader.GetString(); }
            else if (reader.ValueTextEquals("resume_gateway_url"u8)) { reader.Read(); resumeUrl = reader.GetString(); }
            else { reader.Read(); reader.Skip(); }
            if (sessionId is not null && resumeUrl is not null) break;
        }
        return sessionId is not null && resumeUrl is not null ? new ReadyInfo(sessionId, resumeUrl) : null;
    }

    private static int? ReadInt(Utf8JsonReader reader, ReadOnlySpan<byte> name)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals(name)) { reader.Read(); return reader.TryGetInt32(out var value) ? value : (int)Math.Min(int.MaxValue, reader.GetDouble()); }
            reader.Read();
            reader.Skip();
        }
        return null;
    }
}
