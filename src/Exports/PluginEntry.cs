using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// The one managed entry point below every <c>nd_*</c> export: the wasm ABI layer and the test host both call
/// <see cref="Invoke"/> with the export's name and the seam for this call. A managed exception never escapes:
/// it becomes an error message (Extism error_set) and return code 1; Navidrome logs it (one line) and carries on.
/// This is the only place exceptions are caught on the way in; the message is scrubbed of the tokens the call read.
/// </summary>
public static class PluginEntry
{
    /// <summary>Runs one export call. Returns the i32 the export returns: 0 ok, 1 failed, -2 not implemented.</summary>
    public static int Invoke(string export, IPluginHost host)
    {
        var scrubbing = new RedactingHost(host);
        try
        {
            return ExportCalls.Run(export, scrubbing);
        }
        catch (Exception e)
        {
            // Type and message only, no stack trace.
            scrubbing.SetError($"{export} failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }
}
