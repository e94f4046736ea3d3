using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Host;
using Navidrome.DiscordPresence.Exports.Navidrome;
using Navidrome.DiscordPresence.Exports.Seam;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// What each export does: read its input, and either answer at once (is_authorized, scrobble) or hand one input to
/// the interpreter for the user it concerns. Exports without a result never write output (Navidrome would try to
/// decode it). The config is read only as far as the call needs (<see cref="CallConfig"/>): nothing survives
/// between calls, so every call pays for what it reads. The per-call reader has no validation; only nd_on_init checks
/// the whole config and reports its problems.
/// </summary>
internal static class ExportCalls
{
    /// <summary>Handles one export call; unknown names are "not implemented" (-2). Exceptions are left to <see cref="PluginEntry"/>.</summary>
    public static int Run(string export, RedactingHost host)
    {
        switch (export)
        {
            case ExportNames.OnInit:
                OnInit(host);
                return 0;
            case ExportNames.IsAuthorized:
                var user = InputReader.Username(host.ReadInput(), export);
                var enabled = new CallConfig(host, user).View(ConfigReach.Enablement) is ConfigView.Enablement { IsEnabled: true };
                host.WriteOutput(enabled ? "true"u8 : "false"u8);
                return 0;
            case ExportNames.Scrobble:
                return 0; // A presence plugin keeps no listening history.
            case ExportNames.PlaybackReport:
                var (reporter, report) = InputReader.PlaybackReport(host.ReadInput(), host.NowUnixMs());
                return Run(host, report, reporter);
            case ExportNames.NowPlaying:
                var (listener, nowPlaying) = InputReader.NowPlaying(host.ReadInput());
                return Run(host, nowPlaying, listener);
            case ExportNames.OnTextMessage:
                // The frame's user is known only once it is read; the keys the frame reader fetched are kept for the call.
                var keys = new CallConfig(host, user: null);
                return Run(host, InputReader.TextMessage(host.ReadInput(), keys.YieldingApplication), config: keys);
            case ExportNames.OnBinaryMessage:
                host.Log(LogLevel.Debug, "ignored a binary gateway frame (the plugin asks Discord for JSON text)");
                return 0;
            case ExportNames.OnClose:
                return Run(host, InputReader.Closed(host.ReadInput()));
            case ExportNames.OnError:
                return Run(host, InputReader.Failed(host.ReadInput()));
            case ExportNames.SchedulerCallback:
                return Run(host, InputReader.TimerFired(host.ReadInput()));
            default:
                return -2;
        }
    }

    /// <summary>
    /// Every load: report config problems once, then wake every user (those still playing get their presence back).
    /// A reload cancelled every schedule and closed every socket, so a wake-up the scheduler refuses is the user's only
    /// way back before their next report: it is decided in that user's call like any refused timer, which arms a
    /// recheck in its place (GatewaySession.OnScheduleFailed).
    /// </summary>
    private static void OnInit(RedactingHost host)
    {
        var config = new CallConfig(host, user: null);
        var parsed = config.Check();
        foreach (var error in parsed.Errors) host.Log(LogLevel.Error, error.ToString());
        var interpreter = new Interpreter(host, config, new HostFunctions(host));
        foreach (var refused in interpreter.CarryOut(Core.Initialize(parsed.Config, new Moment(host.NowUnixMs(), host.NextRandom()))))
            Run(host, refused, config: config);
    }

    private static int Run(RedactingHost host, Input input, string? user = null, CallConfig? config = null)
    {
        user ??= Routing.UserOf(input);
        if (user is null)
        {
            host.Log(LogLevel.Debug, $"ignored an event for an id this plugin did not make ({input.GetType().Name})");
            return 0;
        }
        var forUser = config?.For(user) ?? new CallConfig(host, user);
        new Interpreter(host, forUser, new HostFunctions(host)).Run(input, user);
        return 0;
    }
}
