using Navidrome.DiscordPresence.Domain.Playback;

namespace Navidrome.DiscordPresence.Tests.Simulation;

/// <summary>A small library for simulated listening.</summary>
public static class Tracks
{
    private static readonly Track[] All =
    [
        new("t1", "Blue in Green", "Kind of Blue", "Miles Davis", "Miles Davis", "Miles Davis", 337.5, "rec-1", "rel-1", "rg-1"),
        new("t2", "夜に駆ける", "THE BOOK", "YOASOBI", "YOASOBI", "YOASOBI", 261),
        new("t3", "Ünïcödé 🎵 Song", "Albüm", "A • B", "Various", "A", 185.2),
        new("t4", "Untitled", "", "", "", "", 0),
        new("t5", string.Concat(Enumerable.Repeat("Long 🎵 title ", 12)), "9", "X", "", "X", 42, "rec-5", "rel-5", "rg-5"),
    ];

    public static int Count => All.Length;

    public static Track Get(int index) => All[Math.Abs(index) % All.Length];

    public static string PlayerName(int player) => player % 3 == 2 ? "Ignored Player" : $"Player {player}";
}
