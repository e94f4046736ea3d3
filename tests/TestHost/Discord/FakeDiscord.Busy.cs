using System.Globalization;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>
/// A busy Discord account: it is in many servers, so its session streams guild events (messages, typing,
/// presences, voice states) at a steady rate as far as the identify's intents allow, and its READY is large.
/// </summary>
/// <param name="EventsPerSecond">Guild events the account's servers produce per second of virtual time.</param>
/// <param name="Guilds">Servers listed in READY (each with channels and roles).</param>
/// <param name="Relationships">Friends and others listed in READY.</param>
/// <param name="PrivateChannels">Direct-message channels listed in READY.</param>
public sealed record BusyAccount(double EventsPerSecond, int Guilds = 40, int Relationships = 150, int PrivateChannels = 30);

/// <summary>What a busy account streams, and the large READY it gets.</summary>
public sealed partial class FakeDiscord
{
    /// <summary>Busy accounts by Navidrome user; everyone else is a quiet account (a small READY, no guild events).</summary>
    public Dictionary<string, BusyAccount> BusyAccounts { get; } = [];

    /// <summary>
    /// Reads every identify as if it had no <c>intents</c> (every group on): the identify the plugin sent before
    /// issue 10, so a scale run can measure what a busy account cost then. Off by default.
    /// </summary>
    public bool IdentifyIntentsIgnored { get; set; }

    /// <summary>
    /// Makes <paramref name="user"/>'s account busy from now on: open sessions start streaming at this instant (not
    /// from their READY), and the next READY is large.
    /// </summary>
    public void MakeBusy(string user, BusyAccount account)
    {
        BusyAccounts[user] = account;
        foreach (var connection in Connections.Where(c => c.User == user && c.StreamStartMs is not null))
        {
            connection.StreamStartMs = _clock.ElapsedMs;
            connection.ProducedAtStreamStart = connection.GuildEventsProduced;
        }
    }

    /// <summary>
    /// Sends every guild event a busy account's servers produced since the last move of the clock, to each open
    /// session of that account whose intents allow the event's group; the rest are counted as withheld and never
    /// leave Discord. Events due between two moves all go out at the later instant (the clock stands still in
    /// between), so the rate holds on average, not frame by frame.
    /// </summary>
    private void StreamGuildEvents()
    {
        if (BusyAccounts.Count == 0) return;
        var now = _clock.ElapsedMs;
        foreach (var connection in Connections)
        {
            if (!connection.IsOpen || !connection.Identified || connection.StreamStartMs is not { } start
                || connection.User is not { } user || !BusyAccounts.TryGetValue(user, out var account)) continue;
            var due = (int)Math.Floor((now - start) * account.EventsPerSecond / 1000.0) - (connection.GuildEventsProduced - connection.ProducedAtStreamStart);
            if (due <= 0) continue;
            var frames = new List<JsonObject>();
            for (var i = 0; i < due; i++)
            {
                var number = connection.GuildEventsProduced++;
                var (type, group) = GatewayIntents.GuildEvents[number % GatewayIntents.GuildEvents.Count];
                if (GatewayIntents.Allows(connection.Intents, group)) frames.Add(DispatchFrame(connection, type, GuildEvent(type, number, account)));
                else connection.GuildEventsWithheld++;
            }
            var withheld = due - frames.Count;
            if (withheld > 0)
                _transcript.Add("discord", $"{connection.Label}: {withheld} guild events kept back by intents {connection.Intents?.ToString(CultureInfo.InvariantCulture) ?? "(absent)"}");
            if (frames.Count == 0) continue;
            _transcript.Add("discord", $"{connection.Label} ⇒ {frames.Count} guild events s={frames[0]["s"]}…{frames[^1]["s"]} (intents {connection.Intents?.ToString(CultureInfo.InvariantCulture) ?? "absent: every group"})");
            // Counted before the first leaves, so the settle after this move waits for the whole batch.
            foreach (var _ in frames) connection.Link.SentToClient();
            _ = SendBatchAsync(connection, frames);
        }
    }

    private async Task SendBatchAsync(GatewayConnection connection, List<JsonObject> frames)
    {
        foreach (var frame in frames) await SendCountedAsync(connection, frame, "").ConfigureAwait(false);
    }

    /// <summary>A guild event as Discord shapes it (about half a KB, like a short chat message).</summary>
    private static JsonObject GuildEvent(string type, int number, BusyAccount account)
    {
        var guild = Snowflake(1, number % Math.Max(1, account.Guilds));
        var channel = Snowflake(2, number % 8);
        var author = new JsonObject { ["id"] = Snowflake(3, number % 97), ["username"] = $"member{number % 97}", ["global_name"] = $"Member {number % 97}", ["avatar"] = null };
        return type switch
        {
            "MESSAGE_CREATE" => new JsonObject
            {
                ["id"] = Snowflake(4, number), ["guild_id"] = guild, ["channel_id"] = channel, ["author"] = author,
                ["content"] = $"message {number}: " + new string('x', 180), ["timestamp"] = "2026-01-01T12:00:00.000000+00:00",
                ["tts"] = false, ["mention_everyone"] = false, ["mentions"] = new JsonArray(), ["attachments"] = new JsonArray(), ["embeds"] = new JsonArray(),
            },
            "TYPING_START" => new JsonObject { ["guild_id"] = guild, ["channel_id"] = channel, ["user_id"] = author["id"]!.GetValue<string>(), ["timestamp"] = 1_767_268_800 + number },
            "PRESENCE_UPDATE" => new JsonObject
            {
                ["guild_id"] = guild, ["user"] = new JsonObject { ["id"] = author["id"]!.GetValue<string>() }, ["status"] = "online",
                ["activities"] = new JsonArray(new JsonObject { ["name"] = "a game", ["type"] = 0, ["created_at"] = 1_767_268_800_000L + number }),
                ["client_status"] = new JsonObject { ["desktop"] = "online" },
            },
            _ => new JsonObject { ["guild_id"] = guild, ["channel_id"] = channel, ["user_id"] = author["id"]!.GetValue<string>(), ["session_id"] = $"voice-{number}", ["self_mute"] = false, ["self_deaf"] = false },
        };
    }

    /// <summary>
    /// READY for a busy account: tens of KB of guilds, relationships and private channels, and the account's other
    /// sessions, with session_id and resume_gateway_url last, behind all of it, so a reader must find them by name.
    /// </summary>
    private static JsonObject LargeReady(JsonObject ready, BusyAccount account)
    {
        var large = new JsonObject
        {
            ["v"] = ready["v"]!.DeepClone(),
            ["user"] = ready["user"]!.DeepClone(),
            ["guilds"] = new JsonArray([.. Enumerable.Range(0, account.Guilds).Select(g => (JsonNode)Guild(g))]),
            ["relationships"] = new JsonArray([.. Enumerable.Range(0, account.Relationships).Select(r => (JsonNode)new JsonObject
            {
                ["id"] = Snowflake(5, r), ["type"] = r % 10 == 0 ? 3 : 1, ["nickname"] = null,
                ["user"] = new JsonObject { ["id"] = Snowflake(5, r), ["username"] = $"friend{r}", ["global_name"] = $"Friend {r}", ["avatar"] = null, ["discriminator"] = "0" },
            })]),
            ["private_channels"] = new JsonArray([.. Enumerable.Range(0, account.PrivateChannels).Select(c => (JsonNode)new JsonObject
            {
                ["id"] = Snowflake(6, c), ["type"] = 1, ["last_message_id"] = Snowflake(4, c), ["recipient_ids"] = new JsonArray(Snowflake(5, c)),
            })]),
            ["sessions"] = new JsonArray([
                new JsonObject { ["session_id"] = "desktop-session", ["status"] = "online", ["activities"] = new JsonArray(), ["client_info"] = new JsonObject { ["client"] = "desktop", ["os"] = "windows", ["version"] = 0 } },
                new JsonObject { ["session_id"] = "mobile-session", ["status"] = "idle", ["activities"] = new JsonArray(), ["client_info"] = new JsonObject { ["client"] = "mobile", ["os"] = "android", ["version"] = 0 } },
                .. ready["sessions"]!.AsArray().Select(s => s!.DeepClone())]),
        };
        large["session_id"] = ready["session_id"]!.DeepClone();
        large["resume_gateway_url"] = ready["resume_gateway_url"]!.DeepClone();
        return large;
    }

    private static JsonObject Guild(int number) => new()
    {
        ["id"] = Snowflake(1, number),
        ["properties"] = new JsonObject { ["name"] = $"Server {number}", ["icon"] = null, ["owner_id"] = Snowflake(3, number), ["preferred_locale"] = "en-US" },
        ["member_count"] = 100 + number * 37,
        ["channels"] = new JsonArray([.. Enumerable.Range(0, 8).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = Snowflake(2, number * 8 + c), ["name"] = $"channel-{c}", ["type"] = c == 7 ? 2 : 0, ["position"] = c, ["parent_id"] = null,
        })]),
        ["roles"] = new JsonArray([.. Enumerable.Range(0, 4).Select(r => (JsonNode)new JsonObject
        {
            ["id"] = Snowflake(7, number * 4 + r), ["name"] = r == 0 ? "@everyone" : $"role {r}", ["permissions"] = "1071698660929", ["color"] = 0, ["position"] = r,
        })]),
    };

    /// <summary>A made-up snowflake: a kind digit and a number, 18 digits like Discord's.</summary>
    private static string Snowflake(int kind, int number) => $"{kind}{number:00000000000000000}";
}
