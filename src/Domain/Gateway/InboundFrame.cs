namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// A frame received from Discord's gateway, reduced to the fields the session uses (docs/discord-gateway.md).
/// Dispatches keep only their sequence number and type, plus the two READY fields needed to resume and, while
/// <c>yieldtootherapps</c> is on, the Listening activities of the user's other sessions (READY, SESSIONS_REPLACE).
/// </summary>
public abstract record InboundFrame
{
    private InboundFrame() { }

    /// <summary>op 10: the heartbeat interval to keep.</summary>
    public sealed record Hello(int HeartbeatIntervalMs) : InboundFrame;

    /// <summary>op 11: the server received our heartbeat.</summary>
    public sealed record HeartbeatAck : InboundFrame;

    /// <summary>op 1 from the server: send a heartbeat now.</summary>
    public sealed record HeartbeatRequest : InboundFrame;

    /// <summary>op 7: reconnect and resume.</summary>
    public sealed record Reconnect : InboundFrame;

    /// <summary>op 9: the session is invalid; <paramref name="Resumable"/> is its <c>d</c>.</summary>
    public sealed record InvalidSession(bool Resumable) : InboundFrame;

    /// <summary>
    /// op 0: an event. <paramref name="Ready"/> is set for READY only; <paramref name="Listening"/> for READY and
    /// SESSIONS_REPLACE when the other sessions were read (null: not read, the switch is off).
    /// </summary>
    public sealed record Dispatch(long? Sequence, string? Type, ReadyInfo? Ready, ListeningSeen? Listening = null) : InboundFrame;

    /// <summary>An opcode the session does not act on.</summary>
    public sealed record Unknown(int Op) : InboundFrame;

    /// <summary>Text that is not a gateway frame; <paramref name="Problem"/> says why, without quoting the text.</summary>
    public sealed record Malformed(string Problem) : InboundFrame;
}

/// <summary>What READY tells us that a resume needs.</summary>
public sealed record ReadyInfo(string SessionId, string ResumeGatewayUrl);
