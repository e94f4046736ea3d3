namespace Navidrome.DiscordPresence.Effects.Discord;

/// <summary>
/// A frame we send to Discord's gateway (docs/discord-gateway.md). Identify and Resume carry the user's name,
/// never the token: the interpreter writes the token into the JSON when it serialises the frame.
/// </summary>
public abstract record GatewayFrame
{
    private GatewayFrame() { }

    /// <summary>op 1: <paramref name="Sequence"/> is the last dispatch sequence number received, or null.</summary>
    public sealed record Heartbeat(long? Sequence) : GatewayFrame;

    /// <summary>op 2: start a new session for <paramref name="User"/> with an initial presence.</summary>
    public sealed record Identify(string User, PresenceUpdate Presence) : GatewayFrame;

    /// <summary>op 6: resume <paramref name="SessionId"/> for <paramref name="User"/> from <paramref name="Sequence"/>.</summary>
    public sealed record Resume(string User, string SessionId, long? Sequence) : GatewayFrame;

    /// <summary>op 3: replace the user's presence.</summary>
    public sealed record UpdatePresence(PresenceUpdate Presence) : GatewayFrame;
}
