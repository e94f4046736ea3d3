using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// The one managed entry point below every <c>nd_*</c> export: the wasm ABI layer and the test host both call
/// <see cref="Invoke"/> with the export's name and the seam for this call. A managed exception never escapes:
/// it becomes an error message (Extism error_set) and return code 1; Navidrome logs it (one line) and carries on.
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
            // Last resort (the export code scrubs tokens from its own errors): type and message only, no stack trace.
            var message = $"{export} failed: {e.GetType().Name}: {e.Message}";
            host.SetError(message);
            return 1;
        }
    }
}
