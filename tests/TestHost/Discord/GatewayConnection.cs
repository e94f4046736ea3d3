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
    public bool IsOpen => End is null && !ClosingByDiscord;

    internal bool ClosingByDiscord { get; set; }
    internal WebSocket Socket { get; }
    internal TcpClient Tcp { get; }
    internal Link Link { get; }
    internal SemaphoreSlim SendLock { get; } = new(1, 1);
    internal List<long> EventTimes { get; } = [];

    public string Label => $"#{Number}{(User is null ? "" : " " + User)}";
}
