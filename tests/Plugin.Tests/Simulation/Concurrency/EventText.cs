using System.Globalization;
using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// A compact text for an event sequence, so that a failing run prints a line a pinned test can paste:
/// <c>R 0 1 Playing 2 30 1; A 10; D 0; C 0 4000; O 0; I 0 true; N 0; X 0 Spotify; X 0 -; E 0; H 0; W 0 true; F 0; P 0 2 30</c>.
/// </summary>
public static class EventText
{
    public static string Format(IEnumerable<WorldEvent> events) => string.Join("; ", events.Select(Format));

    public static string Format(WorldEvent ev) => ev switch
    {
        WorldEvent.Report r => Join("R", r.User, r.Player, r.State, r.Track, r.PositionSeconds, r.Rate.ToString(CultureInfo.InvariantCulture)),
        WorldEvent.NowPlaying n => Join("P", n.User, n.Track, n.PositionSeconds),
        WorldEvent.Advance a => Join("A", a.Seconds),
        WorldEvent.Drop d => Join("D", d.User),
        WorldEvent.CloseWith c => Join("C", c.User, c.Code),
        WorldEvent.Reconnect r => Join("O", r.User),
        WorldEvent.InvalidSession i => Join("I", i.User, i.Resumable ? "true" : "false"),
        WorldEvent.Noise n => Join("N", n.User),
        WorldEvent.OtherPlayer o => Join("X", o.User, o.Player ?? "-"),
        WorldEvent.SessionsEcho e => Join("E", e.User),
        WorldEvent.HeartbeatRequest h => Join("H", h.User),
        WorldEvent.WithholdAcks w => Join("W", w.User, w.Withhold ? "true" : "false"),
        WorldEvent.FailNextConnect f => Join("F", f.User),
        _ => throw new ArgumentOutOfRangeException(nameof(ev), ev, null),
    };

    public static WorldEvent[] Parse(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseOne)];

    private static WorldEvent ParseOne(string text)
    {
        var p = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int I(int at) => int.Parse(p[at], CultureInfo.InvariantCulture);
        return p[0] switch
        {
            "R" => new WorldEvent.Report(I(1), I(2), Enum.Parse<ReportState>(p[3]), I(4), I(5), double.Parse(p[6], CultureInfo.InvariantCulture)),
            "P" => new WorldEvent.NowPlaying(I(1), I(2), I(3)),
            "A" => new WorldEvent.Advance(I(1)),
            "D" => new WorldEvent.Drop(I(1)),
            "C" => new WorldEvent.CloseWith(I(1), I(2)),
            "O" => new WorldEvent.Reconnect(I(1)),
            "I" => new WorldEvent.InvalidSession(I(1), bool.Parse(p[2])),
            "N" => new WorldEvent.Noise(I(1)),
            "X" => new WorldEvent.OtherPlayer(I(1), p[2] == "-" ? null : p[2]),
            "E" => new WorldEvent.SessionsEcho(I(1)),
            "H" => new WorldEvent.HeartbeatRequest(I(1)),
            "W" => new WorldEvent.WithholdAcks(I(1), bool.Parse(p[2])),
            "F" => new WorldEvent.FailNextConnect(I(1)),
            _ => throw new FormatException($"unknown event '{text}'"),
        };
    }

    private static string Join(params object[] parts) => string.Join(' ', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)));
}
