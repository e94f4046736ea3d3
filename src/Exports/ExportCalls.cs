using System.Text;
using Navidrome.DiscordPresence.Domain;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Effects;
using Navidrome.DiscordPresence.Exports.Host;
using Navidrome.DiscordPresence.Exports.Navidrome;
using Navidrome.DiscordPresence.Exports.Seam;
using Navidrome.DiscordPresence.Exports.State;

namespace Navidrome.DiscordPresence.Exports;

/// <summary>
/// What each export does: read its input, and either answer at once (is_authorized, scrobble) or hand one input to
/// the interpreter for the user it concerns. Exports without a result never write output (Navidrome would try to
/// decode it). Config is read and parsed on every call: nothing survives between calls.
/// </summary>
internal static class ExportCalls
{
    /// <summary>Handles one export call; unknown names are "not implemented" (-2).</summary>
    public static int Run(string export, IPluginHost rawHost)
    {
        var config = ConfigParser.Parse(ReadConfig(rawHost));
        var host = new RedactingHost(rawHost, config.Tokens);
        try
        {
            return Dispatch(export, host, config);
        }
        catch (Exception e)
        {
            host.SetError($"{export} failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static int Dispatch(string export, IPluginHost host, ConfigParse config)
    {
        switch (export)
        {
            case ExportNames.OnInit:
                OnInit(host, config);
                return 0;
            case ExportNames.IsAuthorized:
                var user = InputReader.Username(host.ReadInput(), export);
                var authorized = config.Config.ClientId is not null && config.Config.FindUser(user) is not null;
                host.WriteOutput(authorized ? "true"u8 : "false"u8);
                return 0;
            case ExportNames.Scrobble:
                return 0; // A presence plugin keeps no listening history.
            case ExportNames.PlaybackReport:
                var (reporter, report) = InputReader.PlaybackReport(host.ReadInput(), host.NowUnixMs());
                return Run(host, config, report, reporter);
            case ExportNames.NowPlaying:
                var (listener, nowPlaying) = InputReader.NowPlaying(host.ReadInput());
                return Run(host, config, nowPlaying, listener);
            case ExportNames.OnTextMessage:
                return Run(host, config, InputReader.TextMessage(host.ReadInput()));
            case ExportNames.OnBinaryMessage:
                host.Log(LogLevel.Debug, "ignored a binary gateway frame (the plugin asks Discord for JSON text)");
                return 0;
            case ExportNames.OnClose:
                return Run(host, config, InputReader.Closed(host.ReadInput()));
            case ExportNames.OnError:
                return Run(host, config, InputReader.Failed(host.ReadInput()));
            case ExportNames.SchedulerCallback:
                return Run(host, config, InputReader.TimerFired(host.ReadInput()));
            default:
                return -2;
        }
    }

    /// <summary>Every load: report config problems once, then wake every user (those still playing get their presence back).</summary>
    private static void OnInit(IPluginHost host, ConfigParse config)
    {
        foreach (var error in config.Errors) host.Log(LogLevel.Error, error.ToString());
        var functions = new HostFunctions(host);
        var interpreter = new Interpreter(host, functions, new StateStore(functions, host.Log), config);
        interpreter.CarryOut(Core.Initialize(config.Config, new Moment(host.NowUnixMs(), host.NextRandom())));
    }

    private static int Run(IPluginHost host, ConfigParse config, Input input, string? user = null)
    {
        user ??= Routing.UserOf(input);
        if (user is null)
        {
            host.Log(LogLevel.Debug, $"ignored an event for an id this plugin did not make ({input.GetType().Name})");
            return 0;
        }
        var functions = new HostFunctions(host);
        var store = new StateStore(functions, host.Log);
        new Interpreter(host, functions, store, config).Run(input, user);
        return 0;
    }

    private static Dictionary<string, string> ReadConfig(IPluginHost host)
    {
        var raw = new Dictionary<string, string>();
        foreach (var key in ConfigParser.Keys)
            if (host.GetConfig(key) is { } value) raw[key] = value;
        return raw;
    }
}
