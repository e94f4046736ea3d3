using System.Net.Sockets;
using System.Net.WebSockets;
using Navidrome.DiscordPresence.TestHost.Network;

namespace Navidrome.DiscordPresence.TestHost.Discord;

/// <summary>One connection the plugin opened to the fake gateway (main or resume endpoint), and what happened on it.</summary>
public sealed class GatewayConnection
{
    internal GatewayConnection(int number, string endpoint, string query, long openedAtMs, WebSocket socket, TcpClient tcp, Link link)
    {
        Number = number;
        Endpoint = endpoint;
        Query = query;
        OpenedAtMs = openedAtMs;
        Socket = socket;
        Tcp = tcp;
        Link = link;
    }

    public int Number { get; }
    /// <summary>"gateway" or "resume".</summary>
    public string Endpoint { get; }
    /// <summary>The query the plugin connected with (e.g. v=10&amp;encoding=json).</summary>
    public string Query { get; }
    public long OpenedAtMs { get; }
    /// <summary>The Navidrome user whose token identified or resumed on this connection.</summary>
    public string? User { get; internal set; }
    public DiscordSession? Session { get; internal set; }
    public bool Identified { get; internal set; }
    public ConnectionEnd? End { get; internal set; }
    /// <summary>
    /// The <c>intents</c> of the identify whose session this connection carries (a resume keeps them); null when the
    /// identify had none, which for a user account means every group (<see cref="GatewayIntents"/>).
    /// </summary>
    public long? Intents => Session?.Intents;
    /// <summary>Guild events a busy account produced while this connection carried its session.</summary>
    public int GuildEventsProduced { get; internal set; }
    /// <summary>Of those, the ones the session's intents kept from the plugin (never sent).</summary>
    public int GuildEventsWithheld { get; internal set; }
    public bool IsOpen => End is null && !ClosingByDiscord;

    internal bool ClosingByDiscord { get; set; }
    internal WebSocket Socket { get; }
    internal TcpClient Tcp { get; }
    internal Link Link { get; }
    internal SemaphoreSlim SendLock { get; } = new(1, 1);
    internal List<long> EventTimes { get; } = [];
    /// <summary>When the busy account's stream started on this connection (READY or RESUMED), or null before.</summary>
    internal long? StreamStartMs { get; set; }
    /// <summary><see cref="GuildEventsProduced"/> at <see cref="StreamStartMs"/> (an account made busy mid-session starts from there).</summary>
    internal int ProducedAtStreamStart { get; set; }

    public string Label => $"#{Number}{(User is null ? "" : " " + User)}";
}
