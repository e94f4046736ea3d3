using System.Text.Json;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// Reads a gateway text frame without materialising it (issue: cost per frame). A user token receives many
/// dispatches, each in a fresh plugin instance, and READY for a user account is large: only <c>op</c>, <c>s</c>,
/// <c>t</c> and the few <c>d</c> fields the session keeps are read; everything else is skipped unread. The other
/// sessions' Listening activities (READY's <c>sessions</c>, a SESSIONS_REPLACE's list) are read only when
/// <c>yieldtootherapps</c> is on, and then only their session ids and each activity's type, name and application id.
/// </summary>
public static class FrameReader
{
    /// <summary>
    /// The frame in a UTF-8 JSON text; malformed input becomes <see cref="InboundFrame.Malformed"/>, never an exception.
    /// <paramref name="yieldingApplication"/> is asked only for a READY or SESSIONS_REPLACE: our application id when
    /// other sessions' Listening activities are to be read (activities of that application are ours), or null (not read).
    /// </summary>
    public static InboundFrame Read(ReadOnlySpan<byte> utf8, Func<string?>? yieldingApplication = null)
    {
        try
        {
            return ReadUnchecked(utf8, yieldingApplication);
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

    private static InboundFrame ReadUnchecked(ReadOnlySpan<byte> utf8, Func<string?>? yieldingApplication)
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
            0 => !hasPayload ? new InboundFrame.Dispatch(sequence, type, null) : type switch
            {
                "READY" => ReadReady(sequence, payload, yieldingApplication?.Invoke()),
                SessionsReplace when yieldingApplication?.Invoke() is { } application =>
                    new InboundFrame.Dispatch(sequence, type, null, ReadSessions(ref payload, application)),
                _ => new InboundFrame.Dispatch(sequence, type, null),
            },
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

    /// <summary>The dispatch that carries the user's session list whenever it changes.</summary>
    public const string SessionsReplace = "SESSIONS_REPLACE";

    /// <summary>READY: what a resume needs, and (when <paramref name="application"/> is set) the other sessions' Listening activities.</summary>
    private static InboundFrame.Dispatch ReadReady(long? sequence, Utf8JsonReader reader, string? application)
    {
        if (reader.TokenType != JsonTokenType.StartObject) return new InboundFrame.Dispatch(sequence, "READY", null);
        string? sessionId = null, resumeUrl = null;
        ListeningSeen? listening = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("session_id"u8)) { reader.Read(); sessionId = reader.GetString(); }
            else if (reader.ValueTextEquals("resume_gateway_url"u8)) { reader.Read(); resumeUrl = reader.GetString(); }
            else if (application is not null && reader.ValueTextEquals("sessions"u8)) { reader.Read(); listening = ReadSessions(ref reader, application); }
            else { reader.Read(); reader.Skip(); }
            if (sessionId is not null && resumeUrl is not null && (application is null || listening is not null)) break;
        }
        var ready = sessionId is not null && resumeUrl is not null ? new ReadyInfo(sessionId, resumeUrl) : null;
        return new InboundFrame.Dispatch(sequence, "READY", ready, application is null ? null : listening ?? ListeningSeen.Nothing);
    }

    /// <summary>
    /// A list of session objects (the reader on its start): the Listening activities that are not of
    /// <paramref name="application"/>, each with its session's id, leaving out the overall <c>all</c> session
    /// (it repeats every session's activities, ours among them). Anything not shaped as expected is skipped.
    /// </summary>
    private static ListeningSeen ReadSessions(ref Utf8JsonReader reader, string application)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return ListeningSeen.Nothing;
        }
        var found = new List<ListeningActivity>();
        var names = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
            string? sessionId = null;
            names.Clear();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("session_id"u8)) { reader.Read(); sessionId = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
                else if (reader.ValueTextEquals("activities"u8)) { reader.Read(); ReadListening(ref reader, application, names); }
                else { reader.Read(); reader.Skip(); }
            }
            if (sessionId is null or "all") continue;
            foreach (var name in names)
                if (found.Count < ListeningSeen.MaxActivities) found.Add(new ListeningActivity(sessionId, name));
        }
        return found.Count == 0 ? ListeningSeen.Nothing : new ListeningSeen([.. found]);
    }

    /// <summary>An activities array (the reader on its start): adds the name of each Listening activity not of <paramref name="application"/>.</summary>
    private static void ReadListening(ref Utf8JsonReader reader, string application, List<string> names)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return;
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) { reader.Skip(); continue; }
            int? type = null;
            string? name = null;
            var ours = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8)) { reader.Read(); type = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var t) ? t : null; }
                else if (reader.ValueTextEquals("name"u8)) { reader.Read(); name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null; }
                else if (reader.ValueTextEquals("application_id"u8)) { reader.Read(); ours = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(application); }
                else { reader.Read(); reader.Skip(); }
            }
            // Cut like any text we show: the name goes into a log line and the stored session.
            if (type == Presence.PresenceComposer.ListeningType && !ours) names.Add(Presence.TextField.Fit(name) ?? "another player");
        }
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
