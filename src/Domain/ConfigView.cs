using Navidrome.DiscordPresence.Domain.Config;

namespace Navidrome.DiscordPresence.Domain;

/// <summary>
/// As much of the config as a decision was given. Reading and parsing the whole config is most of what a small call
/// costs in Navidrome's runtime, so the shell reads only as far as <see cref="State.InputNeeds"/> says.
/// </summary>
public abstract record ConfigView
{
    private ConfigView() { }

    /// <summary>Nothing read: the input's decision does not depend on the config.</summary>
    public sealed record Unread : ConfigView;

    /// <summary>Only whether the user is configured and the plugin has a client id.</summary>
    public sealed record Enablement(bool IsEnabled) : ConfigView;

    /// <summary>The parsed config (holding just the decision's user, or everyone).</summary>
    public sealed record Parsed(PluginConfig Config) : ConfigView;

    /// <summary>True when the config shows <paramref name="user"/>'s presence: a client id and an entry for them.</summary>
    public static bool Enables(PluginConfig config, string user) => config.ClientId is not null && config.FindUser(user) is not null;
}

/// <summary>How far an input's decision reads the config.</summary>
public enum ConfigReach
{
    /// <summary>Not at all.</summary>
    None,
    /// <summary>Whether the user is enabled (<see cref="ConfigView.Enablement"/>).</summary>
    Enablement,
    /// <summary>All of it (<see cref="ConfigView.Parsed"/>).</summary>
    Full,
}
