namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>
/// The gateway intent groups the fake Discord gates its guild events by (bit values from Discord's docs, "Gateway
/// Intents"). A user account is the odd case: discord.food ("Gateway", notes under "List of Intents") says user
/// accounts default to every intent on, so an identify without <c>intents</c> gets every group, and only
/// <c>intents: 0</c> limits the session to the events outside any group (READY, RESUMED, session and user events).
/// </summary>
public static class GatewayIntents
{
    public const long GuildVoiceStates = 1L << 7;
    public const long GuildPresences = 1L << 8;
    public const long GuildMessages = 1L << 9;
    public const long GuildMessageTyping = 1L << 11;

    /// <summary>What an identify without <c>intents</c> means for a user account: every group on.</summary>
    public const long UserAccountDefault = -1L;

    /// <summary>The guild events a busy account streams, each with the one group that lets it through.</summary>
    public static readonly IReadOnlyList<(string Type, long Group)> GuildEvents =
    [
        ("MESSAGE_CREATE", GuildMessages),
        ("TYPING_START", GuildMessageTyping),
        ("PRESENCE_UPDATE", GuildPresences),
        ("MESSAGE_CREATE", GuildMessages),
        ("VOICE_STATE_UPDATE", GuildVoiceStates),
        ("TYPING_START", GuildMessageTyping),
    ];

    /// <summary>Whether a session identified with <paramref name="intents"/> (null: the field was absent) receives events of <paramref name="group"/>.</summary>
    public static bool Allows(long? intents, long group) => ((intents ?? UserAccountDefault) & group) != 0;
}
