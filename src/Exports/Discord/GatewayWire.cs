using System.Text;
using System.Text.Json;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Exports.Discord;

// Interim minimal version; replaced by the presence branch.
public static class GatewayWire
{
    public static string Serialize(GatewayFrame frame, Func<string, string?> tokenOf)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            switch (frame)
            {
                case GatewayFrame.Heartbeat h: w.WriteNumber("op", 1); if (h.Sequence is { } s) w.WriteNumber("d", s); else w.WriteNull("d"); break;
                case GatewayFrame.Identify i:
                    w.WriteNumber("op", 2); w.WriteStartObject("d"); w.WriteString("token", tokenOf(i.User) ?? throw new InvalidOperationException($"no token for user '{i.User}'"));
                    w.WriteStartObject("properties"); w.WriteString("os", "Linux"); w.WriteString("browser", "Discord Client"); w.WriteString("device", ""); w.WriteEndObject();
                    w.WritePropertyName("presence"); Presence(w, i.Presence); w.WriteEndObject(); break;
                case GatewayFrame.Resume r:
                    w.WriteNumber("op", 6); w.WriteStartObject("d"); w.WriteString("token", tokenOf(r.User) ?? throw new InvalidOperationException($"no token for user '{r.User}'"));
                    w.WriteString("session_id", r.SessionId); if (r.Sequence is { } q) w.WriteNumber("seq", q); else w.WriteNull("seq"); w.WriteEndObject(); break;
                case GatewayFrame.UpdatePresence p: w.WriteNumber("op", 3); w.WritePropertyName("d"); Presence(w, p.Presence); break;
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Presence(Utf8JsonWriter w, PresenceUpdate p)
    {
        w.WriteStartObject(); w.WriteNumber("since", p.Since); w.WriteStartArray("activities");
        foreach (var a in p.Activities)
        {
            w.WriteStartObject(); w.WriteString("name", a.Name); w.WriteNumber("type", a.Type);
            if (a.ApplicationId is { } id) w.WriteString("application_id", id);
            if (a.Details is { } d) w.WriteString("details", d);
            if (a.State is { } s) w.WriteString("state", s);
            if (a.StatusDisplayType is { } t) w.WriteNumber("status_display_type", t);
            if (a.Timestamps is { } ts) { w.WriteStartObject("timestamps"); if (ts.Start is { } st) w.WriteNumber("start", st); if (ts.End is { } en) w.WriteNumber("end", en); w.WriteEndObject(); }
            w.WriteEndObject();
        }
        w.WriteEndArray(); w.WriteString("status", p.Status); w.WriteBoolean("afk", p.Afk); w.WriteEndObject();
    }
}
