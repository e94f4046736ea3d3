using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>What the fake gateway does with each frame the plugin sends.</summary>
public sealed partial class FakeDiscord
{
    private async Task OnFrame(GatewayConnection connection, string text)
    {
        JsonNode? frame;
        try { frame = JsonNode.Parse(text); }
        catch (JsonException) { frame = null; }
        if (frame is not JsonObject || frame["op"] is not JsonValue opValue || !opValue.TryGetValue<int>(out var op))
        {
            Record(connection, -1, null, text);
            await CloseAsync(connection, 4002, "Error while decoding payload.").ConfigureAwait(false);
            return;
        }
        var data = frame["d"];
        if (op == 2 && data?["token"] is JsonValue token) connection.User ??= UserOf(token.GetValue<string>());
        if (op == 6 && data?["token"] is JsonValue resumeToken) connection.User ??= UserOf(resumeToken.GetValue<string>());
        Record(connection, op, data, text);

        var now = _clock.ElapsedMs;
        connection.EventTimes.Add(now);
        if (connection.EventTimes.Count(t => t > now - 60_000) > EventsPerMinute)
        {
            Interlocked.Increment(ref _rateLimitCloses);
            await CloseAsync(connection, 4008, "Rate limited.").ConfigureAwait(false);
            return;
        }

        switch (op)
        {
            case 1:
                _transcript.Add("discord", $"{connection.Label} ⇐ op 1 HEARTBEAT d={data?.ToJsonString() ?? "null"}");
                if (!AcksWithheldFor.Contains("*") && !(connection.User is { } u && AcksWithheldFor.Contains(u)))
                    await SendAsync(connection, new JsonObject { ["op"] = 11 }, "op 11 HEARTBEAT_ACK").ConfigureAwait(false);
                break;
            case 2:
                await OnIdentify(connection, data).ConfigureAwait(false);
                break;
            case 3:
                if (!connection.Identified)
                {
                    _transcript.Add("discord", $"{connection.Label} ⇐ op 3 PRESENCE before identify");
                    await CloseAsync(connection, 4003, "Not authenticated.").ConfigureAwait(false);
                    break;
                }
                var presence = AddPresence(connection, data);
                _transcript.Add("discord", $"{connection.Label} ⇐ op 3 PRESENCE {presence}");
                if (connection.User is { } presenceUser && HasOtherSession(presenceUser)) await SessionsReplaceAsync(presenceUser).ConfigureAwait(false);
                break;
            case 6:
                await OnResume(connection, data).ConfigureAwait(false);
                break;
            case 4 or 8 or 14:
                _transcript.Add("discord", $"{connection.Label} ⇐ op {op}");
                break;
            default:
                _transcript.Add("discord", $"{connection.Label} ⇐ unknown op {op}");
                await CloseAsync(connection, 4001, "Unknown opcode.").ConfigureAwait(false);
                break;
        }
    }

    private string UserOf(string token) => Accounts.TryGetValue(token, out var user) ? user : "unknown-token";

    private void Record(GatewayConnection connection, int op, JsonNode? data, string json)
    {
        lock (_frames) _frames.Add(new ReceivedFrame(_clock.ElapsedMs, connection.Number, connection.User, op, data?.DeepClone(), json));
    }

    private PresenceRecord AddPresence(GatewayConnection connection, JsonNode? data)
    {
        var record = new PresenceRecord(_clock.ElapsedMs, connection.User ?? "?", connection.Number, data?.DeepClone());
        lock (_presences) _presences.Add(record);
        return record;
    }

    private async Task OnIdentify(GatewayConnection connection, JsonNode? data)
    {
        var token = data?["token"]?.GetValue<string>() ?? "";
        var withPresence = data?["presence"] is JsonObject;
        // Absent intents mean every group for a user account (GatewayIntents); a value that is not a number counts as absent.
        long? intents = !IdentifyIntentsIgnored && data?["intents"] is JsonValue intentsValue && intentsValue.TryGetValue<long>(out var bits) ? bits : null;
        _transcript.Add("discord", $"{connection.Label} ⇐ op 2 IDENTIFY{(withPresence ? " with presence" : "")}, intents {intents?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "absent"}");
        if (connection.Identified)
        {
            await CloseAsync(connection, 4005, "Already authenticated.").ConfigureAwait(false);
            return;
        }
        if (token.Length == 0 || RejectedTokens.Contains(token) || !Accounts.ContainsKey(token))
        {
            await CloseAsync(connection, 4004, "Authentication failed.").ConfigureAwait(false);
            return;
        }
        DiscordSession session;
        lock (_sessions)
        {
            session = new DiscordSession($"session-{++_sessionCounter}", connection.User!, token, intents);
            _sessions[session.Id] = session;
        }
        connection.Session = session;
        connection.Identified = true;
        if (withPresence)
        {
            var presence = AddPresence(connection, data!["presence"]);
            _transcript.Add("discord", $"{connection.Label}   identify presence: {presence}");
        }
        var ready = new JsonObject
        {
            ["v"] = 10,
            ["user"] = new JsonObject { ["id"] = "10000000000000000" + _sessionCounter, ["username"] = connection.User },
            ["session_id"] = session.Id,
            ["resume_gateway_url"] = "wss://" + ResumeHost,
            ["sessions"] = SessionsOf(connection.User!),
        };
        if (BusyAccounts.TryGetValue(connection.User!, out var busy)) ready = LargeReady(ready, busy);
        connection.StreamStartMs = _clock.ElapsedMs;
        await Dispatch(connection, "READY", ready).ConfigureAwait(false);
        await Dispatch(connection, "READY_SUPPLEMENTAL", new JsonObject()).ConfigureAwait(false);
    }

    private async Task OnResume(GatewayConnection connection, JsonNode? data)
    {
        var token = data?["token"]?.GetValue<string>() ?? "";
        var sessionId = data?["session_id"]?.GetValue<string>() ?? "";
        var seq = data?["seq"]?.ToJsonString() ?? "null";
        _transcript.Add("discord", $"{connection.Label} ⇐ op 6 RESUME {sessionId} seq={seq}");
        DiscordSession? session;
        lock (_sessions) session = _sessions.GetValueOrDefault(sessionId);
        if (RejectedTokens.Contains(token))
        {
            await CloseAsync(connection, 4004, "Authentication failed.").ConfigureAwait(false);
            return;
        }
        if (session is null || !IsAlive(session) || session.Token != token)
        {
            await SendAsync(connection, new JsonObject { ["op"] = 9, ["d"] = false }, "op 9 INVALID_SESSION (not resumable)").ConfigureAwait(false);
            return;
        }
        connection.Session = session;
        connection.Identified = true;
        connection.StreamStartMs = _clock.ElapsedMs;
        await Dispatch(connection, "RESUMED", new JsonObject()).ConfigureAwait(false);
    }
}
