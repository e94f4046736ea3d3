namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>What to do after a gateway connection closed.</summary>
public enum AfterClose
{
    /// <summary>Reconnect to the resume URL and resume the session.</summary>
    Resume,
    /// <summary>Forget the session; reconnect and identify.</summary>
    Identify,
    /// <summary>Too many sessions: identify again, but only after a long backoff.</summary>
    IdentifyLater,
    /// <summary>Stop all traffic for this token until the config changes it.</summary>
    Stop,
}

/// <summary>
/// Discord's close codes mapped to actions; the table, and where each rule comes from, is docs/discord-gateway.md, 'Close codes'.
/// A close without a code (1006, a dropped TCP connection) is resumable. A server close with 1000/1001 invalidates
/// the session.
/// </summary>
public static class CloseCodes
{
    /// <summary>The code we close with when we mean to resume: any code but 1000/1001 keeps the session.</summary>
    public const int ResumableClose = 4000;

    /// <summary>The code we close an idle connection with: it ends the session and shows the user offline.</summary>
    public const int FinalClose = 1000;

    /// <summary>The action for a close code.</summary>
    public static AfterClose Classify(int code) => code switch
    {
        4000 or 4001 or 4002 or 4005 or 4008 => AfterClose.Resume,
        4003 or 4007 or 4009 or 4016 => AfterClose.Identify,
        4004 or 4010 or 4011 or 4012 or 4013 or 4014 => AfterClose.Stop,
        4015 => AfterClose.IdentifyLater,
        1000 or 1001 => AfterClose.Identify,
        _ => AfterClose.Resume,
    };

    /// <summary>What the admin should do about a stopping close, for the one log line that reports it.</summary>
    public static string Remedy(int code) => code switch
    {
        4004 => "Discord rejected the token (4004 Authentication failed): set a valid token for this user in the plugin config",
        4010 or 4011 => $"Discord refused the session's sharding ({code}); this is a plugin bug, please report it",
        4012 => "Discord refused the gateway API version (4012); this is a plugin bug, please report it",
        4013 or 4014 => $"Discord refused the session's intents ({code}); this is a plugin bug, please report it",
        _ => $"Discord closed the session with {code}",
    };
}
