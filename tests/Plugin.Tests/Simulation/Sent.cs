using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>A frame that reached the simulated Discord, when, on which connection, for which user.</summary>
public sealed record Sent(long AtMs, string User, string ConnectionId, GatewayFrame Frame)
{
    /// <summary>The presence this frame sets, for identify and op 3.</summary>
    public PresenceUpdate? Presence => Frame switch
    {
        GatewayFrame.UpdatePresence p => p.Presence,
        GatewayFrame.Identify i => i.Presence,
        _ => null,
    };
}
