using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects.Discord;

namespace Navidrome.DiscordPresence.Domain.Gateway;

/// <summary>
/// What the gateway session needs besides its state: whose it is, the config, the moment, the presence the user should
/// have now (<see cref="Desired"/>), and what Navidrome's playback would show (<see cref="Ours"/>). The two differ only
/// while the plugin stands down for another player (<c>yieldtootherapps</c>): then Desired is clear, but the connection
/// stays, so that it hears when the other player's activity ends.
/// </summary>
public sealed record GatewayContext(DiscordUser Account, PluginConfig Config, Moment Now, PresenceUpdate Desired, PresenceUpdate Ours)
{
    /// <summary>The Navidrome username.</summary>
    public string User => Account.Username;

    /// <summary>The current time, Unix ms.</summary>
    public long NowMs => Now.NowMs;

    /// <summary>True when Navidrome has nothing to show for the user: no connection is wanted (after the idle grace).</summary>
    public bool NothingToShow => Ours.IsClear;

    /// <summary>
    /// The presence an identify carries: a clear one while other players are watched for, since a new session cannot
    /// know yet what the user's other sessions show (READY says so, and its op 3 sends <see cref="Desired"/>).
    /// </summary>
    public PresenceUpdate IdentifyPresence => Config.YieldToOtherApps ? PresenceUpdate.Clear(Desired.Status) : Desired;

    /// <summary>The context once the session's idea of the other sessions is <paramref name="session"/>'s (after READY).</summary>
    public GatewayContext With(SessionState session) => this with { Desired = Presence.StandDown.Desired(Ours, session, Config) };
}
