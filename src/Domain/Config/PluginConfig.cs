using Navidrome.DiscordPresence.Effects;

namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// The plugin's configuration after parsing and defaulting (Navidrome never applies schema defaults, so the
/// parser does). Holds no token: each user carries only a fingerprint of theirs, so the core can notice a
/// changed token without ever seeing one. The tokens themselves live in <see cref="UserTokens"/>.
/// </summary>
public sealed record PluginConfig(
    string? ClientId,
    EquatableArray<DiscordUser> Users,
    ActivityNameMode ActivityName,
    string ActivityNameTemplate,
    string DetailsTemplate,
    string StateTemplate,
    string LargeTextTemplate,
    StatusDisplay StatusDisplay,
    OnlineStatus Status,
    PauseMode Pause,
    int PauseTimeoutMinutes,
    EquatableArray<string> IgnoredPlayers,
    ArtworkOptions Artwork,
    LinkMode Links,
    string SmallTextTemplate = ConfigDefaults.SmallTextTemplate,
    ProgressMode Progress = ProgressMode.Bar,
    bool Hidden = false,
    SecretScreen? Secrets = null,
    EquatableArray<ButtonTemplate> Buttons = default,
    bool YieldToOtherApps = ConfigDefaults.YieldToOtherApps)
{
    /// <summary>
    /// True when the track's Spotify link is looked up: the links mode is Spotify, or a button's URL uses
    /// <c>{spotifyurl}</c>.
    /// </summary>
    public bool LooksUpSpotify
    {
        get
        {
            if (Links == LinkMode.Spotify) return true;
            foreach (var button in Buttons)
                if (button.Url.Contains("{spotifyurl}", StringComparison.Ordinal)) return true;
            return false;
        }
    }

    /// <summary>The configured user with this Navidrome username (exact match), if any.</summary>
    public DiscordUser? FindUser(string username)
    {
        foreach (var user in Users)
            if (user.Username == username) return user;
        return null;
    }

    /// <summary>
    /// The config as one user's calls see it: just that user (none when not configured), with the user's own settings
    /// in place of the global ones they set.
    /// </summary>
    public PluginConfig ForUser(string username) =>
        FindUser(username) is { } user ? (user.Settings ?? UserSettings.None).Over(this with { Users = [user] }) : this with { Users = [] };

    /// <summary>True when the player name is on the ignore list (case-insensitive).</summary>
    public bool IsIgnoredPlayer(string playerName)
    {
        foreach (var ignored in IgnoredPlayers)
            if (string.Equals(ignored, playerName, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}

/// <summary>
/// A Navidrome user whose presence is shown, a fingerprint of their Discord token (never the token), and their own
/// settings (null: none).
/// </summary>
public sealed record DiscordUser(string Username, string TokenFingerprint, UserSettings? Settings = null);

/// <summary>What the activity's name ("Listening to …") shows; the Go plugin's <c>activityname</c> values.</summary>
public enum ActivityNameMode { Default, Track, Album, Artist, Custom }

/// <summary>Which activity field Discord's member list shows (<c>status_display_type</c> 0, 1, 2).</summary>
public enum StatusDisplay { Name = 0, State = 1, Details = 2 }

/// <summary>The online status sent with every presence.</summary>
public enum OnlineStatus { Online, Idle, Dnd, Invisible }

/// <summary>What a paused track shows: the track with a frozen position, or nothing.</summary>
public enum PauseMode { Frozen, Clear }

/// <summary>What the timestamps of a playing track show: Discord's progress bar (start and end), a running clock (start only), or nothing.</summary>
public enum ProgressMode { Bar, Elapsed, Off }

/// <summary>Where clickable links on title, artist and art point.</summary>
public enum LinkMode { None, Spotify, MusicBrainz }

/// <summary>Artwork sources, each optional (the artwork issue uses these).</summary>
public sealed record ArtworkOptions(bool CoverArtArchive, bool UguuUpload, bool NavidromeArtwork, bool ShowLogo);
