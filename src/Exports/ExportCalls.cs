using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>Maps each export name to the code that handles it.</summary>
internal static class ExportCalls
{
    /// <summary>Handles one export call; unknown names are "not implemented" (-2).</summary>
    public static int Run(string export, IPluginHost host) => export switch
    {
        _ => -2,
    };
}
