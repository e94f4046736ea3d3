using System.Globalization;

namespace Navidrome.DiscordPresence.Tests.Simulation.Concurrency;

/// <summary>
/// How much each concurrency property explores: event sequences per property × interleavings (seeds) per sequence.
/// The defaults keep the suite to a couple of minutes on a 2-core machine; for a longer local hunt set
/// <c>DRP_SIM_SEQUENCES</c> and <c>DRP_SIM_INTERLEAVINGS</c> (e.g. 500 and 10), and <c>DRP_SIM_SEED</c> to draw other cases.
/// </summary>
public static class SimulationBudget
{
    public static int Sequences => Read("DRP_SIM_SEQUENCES", 60);

    public static int Interleavings => Read("DRP_SIM_INTERLEAVINGS", 5);

    /// <summary>Where the generated sequences and seeds start; fixed so that CI judges the same cases every run.</summary>
    public static int Seed => Read("DRP_SIM_SEED", 1);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
}
