using System.Text;
using System.Text.Json;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>How a scan of the users text ended.</summary>
public enum UsersScanEnd { Complete, Stopped, NotAList, Malformed }

/// <summary>
/// Reads the <c>users</c> key (JSON text of <c>[{"username": …, "token": …, per-user settings…}]</c>, as the Go plugin
/// saves it) forward-only, one entry at a time, with no document: a call that wants one user stops at that user's
/// entry, and a call that needs every token passes over the text once. Entries before a JSON fault count; the fault
/// ends the scan. Key names match in any case, as Go's JSON decoder matches them.
/// </summary>
public static class UsersScan
{
    /// <summary>
    /// Hands each complete entry to <paramref name="visit"/> in order until it answers false (then
    /// <see cref="UsersScanEnd.Stopped"/>) or the list ends.
    /// </summary>
    public static UsersScanEnd Scan(string json, Func<UserEntry, bool> visit)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return UsersScanEnd.NotAList;
            var position = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                if (!visit(Entry(ref reader, bytes, ++position))) return UsersScanEnd.Stopped;
            if (reader.TokenType != JsonTokenType.EndArray || reader.Read()) return UsersScanEnd.Malformed;
            return UsersScanEnd.Complete;
        }
        catch (JsonException)
        {
            // The reader's message may quote the text around the fault, which can be a token: it is never used.
            return UsersScanEnd.Malformed;
        }
    }

    private static UserEntry Entry(ref Utf8JsonReader reader, byte[] bytes, int position)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return new UserEntry(position, null, null, []);
        }
        string? username = null, token = null;
        var settings = new List<UserEntry.Setting>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!.ToLowerInvariant();
            reader.Read();
            var text = ValueText(ref reader, bytes);
            if (key == "username") username = reader.TokenType == JsonTokenType.String ? text?.Trim() : null;
            else if (key == "token") token = reader.TokenType == JsonTokenType.String ? text?.Trim() : null;
            else if (text is not null) settings.Add(new UserEntry.Setting(key, text));
        }
        return new UserEntry(position, username, token, [.. settings]);
    }

    /// <summary>A string's value; true/false/numbers/arrays/objects as their JSON text; null for JSON null.</summary>
    private static string? ValueText(ref Utf8JsonReader reader, byte[] bytes)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Null: return null;
            case JsonTokenType.StartArray or JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                return Encoding.UTF8.GetString(bytes, start, (int)reader.BytesConsumed - start);
            default: return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }
}
