using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>What the gateway session needs besides its state: whose it is, the config, the moment, and the presence the user should have now.</summary>
public sealed record GatewayContext(DiscordUser Account, PluginConfig Config, Moment Now, PresenceUpdate Desired)
{
    /// <summary>The Navidrome username.</summary>
    public string User => Account.Username;

    /// <summary>The current time, Unix ms.</summary>
    public long NowMs => Now.NowMs;
}
