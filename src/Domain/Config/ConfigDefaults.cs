namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// The defaults the plugin applies itself (Navidrome never applies a schema's defaults). manifest.json states the
/// same values; a test checks that the two agree.
/// </summary>
public static class ConfigDefaults
{
    public const string ActivityNameTemplate = "{artist} - {track}";
    public const string DetailsTemplate = "{track}";
    public const string StateTemplate = "{artist}";
    public const string LargeTextTemplate = "{album}";
    public const string SmallTextTemplate = "Navidrome";
    public const int PauseTimeoutMinutes = 30;
    public const int MaxPauseTimeoutMinutes = 1440;
    public const bool CoverArtArchive = false;
    public const bool Uguu = false;
    public const bool NavidromeArtwork = true;
    public const bool ShowLogo = false;
    public const bool SpotifyLinks = false;
    public const bool YieldToOtherApps = true;

    /// <summary>The Go plugin's pairing: Default shows the details line in the member list, every other mode the name.</summary>
    public static StatusDisplay StatusDisplayFor(ActivityNameMode mode) =>
        mode == ActivityNameMode.Default ? StatusDisplay.Details : StatusDisplay.Name;
}
