namespace Navidrome.DiscordPresence.Domain.Config;

/// <summary>
/// The config keys, as the admin's saved JSON names them. The first seven are the Go plugin's, with the same
/// meaning, so replacing its <c>discord-rich-presence.ndp</c> keeps a saved config working (Navidrome keys config by
/// file name). manifest.json's schema lists the same keys; a test checks that the two agree.
/// </summary>
public static class ConfigKeys
{
    public const string ClientId = "clientid";
    public const string Users = "users";
    public const string ActivityName = "activityname";
    public const string ActivityNameTemplate = "activitynametemplate";
    public const string CoverArtArchive = "caaenabled";
    public const string Uguu = "uguuenabled";
    public const string SpotifyLinks = "spotifylinks";

    public const string DetailsTemplate = "detailstemplate";
    public const string StateTemplate = "statetemplate";
    public const string LargeTextTemplate = "largetexttemplate";
    public const string StatusDisplayType = "statusdisplaytype";
    public const string OnlineStatus = "onlinestatus";
    public const string PauseMode = "pausemode";
    public const string PauseTimeoutMinutes = "pausetimeoutminutes";
    public const string IgnoredPlayers = "ignoredplayers";
    public const string NavidromeArtwork = "navidromeartwork";
    public const string ShowLogo = "showlogo";
    public const string Links = "links";
    public const string SmallTextTemplate = "smalltexttemplate";
    public const string Progress = "progress";
    public const string YieldToOtherApps = "yieldtootherapps";
    public const string Buttons = "buttons";

    /// <summary>A per-user key only (inside a users entry): show nothing for this user.</summary>
    public const string Hidden = "hidden";

    /// <summary>Every global key the plugin reads (per-user keys: <see cref="UserSettings.Keys"/>).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ClientId, Users, ActivityName, ActivityNameTemplate, CoverArtArchive, Uguu, SpotifyLinks,
        DetailsTemplate, StateTemplate, LargeTextTemplate, StatusDisplayType, OnlineStatus, PauseMode,
        PauseTimeoutMinutes, IgnoredPlayers, NavidromeArtwork, ShowLogo, Links, SmallTextTemplate, Progress,
        Buttons, YieldToOtherApps,
    ];
}
