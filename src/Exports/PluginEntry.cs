using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// The one managed entry point below every <c>nd_*</c> export: the wasm ABI layer and the test host both call
/// <see cref="Invoke"/> with the export's name and the seam for this call. A managed exception never escapes:
/// it becomes an error message (Extism error_set) and return code 1, so the host logs it and carries on.
/// </summary>
public static class PluginEntry
{
    /// <summary>Runs one export call. Returns the i32 the export returns: 0 ok, 1 failed, -2 not implemented.</summary>
    public static int Invoke(string export, IPluginHost host)
    {
        try
        {
            return ExportCalls.Run(export, host);
        }
        catch (Exception e)
        {
            // The type and message only: a stack trace in Navidrome's log helps nobody, and messages never hold tokens.
            var message = $"{export} failed: {e.GetType().Name}: {e.Message}";
            host.SetError(message);
            host.Log(LogLevel.Error, message);
            return 1;
        }
    }
}
