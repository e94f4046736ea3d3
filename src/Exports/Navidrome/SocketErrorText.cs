namespace Navidrome.DiscordPresence.Exports.Navidrome;

/// <summary>
/// Navidrome delivers every close other than 1000/1001/1005 through on_error, as gorilla/websocket's error text:
/// <c>websocket: close 4004: Authentication failed.</c> or <c>websocket: close 1006 (abnormal closure): unexpected EOF</c>.
/// This finds the close code and reason in such a text (no Regex: it is costly to start in the wasm runtime).
/// </summary>
internal static class SocketErrorText
{
    private const string Marker = "websocket: close ";

    public static bool TryReadClose(string error, out int code, out string reason)
    {
        code = 0;
        reason = "";
        var at = error.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0) return false;
        var digits = at + Marker.Length;
        var end = digits;
        while (end < error.Length && char.IsAsciiDigit(error[end])) end++;
        if (end == digits || !int.TryParse(error.AsSpan(digits, end - digits), out code)) return false;
        var colon = error.IndexOf(": ", end, StringComparison.Ordinal);
        reason = colon < 0 ? "" : error[(colon + 2)..];
        return true;
    }
}
