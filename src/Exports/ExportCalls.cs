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
/// decode it). Config is read on every call (nothing survives between calls), key by key as the call needs it: the
/// per-call reader has no validation; only nd_on_init checks the whole config and reports its problems.
/// </summary>
internal static class ExportCalls
{
    /// <summary>Handles one export call; unknown names are "not implemented" (-2).</summary>
    public static int Run(string export, IPluginHost rawHost)
    {
        var call = new Call(rawHost, ConfigFrom(rawHost));
        try
        {
            return Dispatch(export, call);
        }
        catch (Exception e)
        {
            call.Host.SetError($"{export} failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
    }

    private static int Dispatch(string export, Call call)
    {
        var host = call.Host; // the raw host until the call's config is parsed: reading input needs no token
        switch (export)
        {
            case ExportNames.OnInit:
                var everyone = call.Checked();
                OnInit(call.Host, everyone); // the host after Checked: it scrubs the tokens Checked has read
                return 0;
            case ExportNames.IsAuthorized:
                var user = InputReader.Username(host.ReadInput(), export);
                // Reads clientid and the users list up to this user's entry; the token is looked at, never kept or logged.
                host.WriteOutput(call.IsAuthorized(user) ? "true"u8 : "false"u8);
                return 0;
            case ExportNames.Scrobble:
                return 0; // A presence plugin keeps no listening history.
            case ExportNames.PlaybackReport:
                var (reporter, report) = InputReader.PlaybackReport(host.ReadInput(), host.NowUnixMs());
                return Run(call, report, reporter);
            case ExportNames.NowPlaying:
                var (listener, nowPlaying) = InputReader.NowPlaying(host.ReadInput());
                return Run(call, nowPlaying, listener);
            case ExportNames.OnTextMessage:
                return Run(call, InputReader.TextMessage(host.ReadInput()));
            case ExportNames.OnBinaryMessage:
                host.Log(LogLevel.Debug, "ignored a binary gateway frame (the plugin asks Discord for JSON text)");
                return 0;
            case ExportNames.OnClose:
                return Run(call, InputReader.Closed(host.ReadInput()));
            case ExportNames.OnError:
                return Run(call, InputReader.Failed(host.ReadInput()));
            case ExportNames.SchedulerCallback:
                return Run(call, InputReader.TimerFired(host.ReadInput()));
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

    private static int Run(Call call, Input input, string? user = null)
    {
        user ??= Routing.UserOf(input);
        if (user is null)
        {
            call.Host.Log(LogLevel.Debug, $"ignored an event for an id this plugin did not make ({input.GetType().Name})");
            return 0;
        }
        var config = call.For(user);
        var functions = new HostFunctions(call.Host);
        var store = new StateStore(functions, call.Host.Log);
        new Interpreter(call.Host, functions, store, config).Run(input, user);
        return 0;
    }

    /// <summary>
    /// One call's config, parsed once its user is known: most calls concern one user, and parsing (and holding) only
    /// that user's entry keeps a call's cost independent of how many users are configured. Once parsed, the host is
    /// wrapped so that every log line and error is scrubbed of the tokens this call holds; before that, no token has
    /// been read.
    /// </summary>
    private sealed class Call
    {
        private readonly IPluginHost rawHost;
        private readonly ConfigSource source;

        public Call(IPluginHost rawHost, ConfigSource source)
        {
            this.rawHost = rawHost;
            this.source = source;
            Host = rawHost;
        }

        /// <summary>The host for this call: scrubbing tokens once the config is parsed.</summary>
        public IPluginHost Host { get; private set; }

        /// <summary>The config with just <paramref name="user"/>'s entry, or with every user's when null.</summary>
        public ConfigParse For(string? user) => Scrubbing(ConfigReader.Read(source, user));

        /// <summary>The config with every user's entry and every problem found in it (nd_on_init only).</summary>
        public ConfigParse Checked() => Scrubbing(ConfigParser.Parse(source));

        /// <summary>Whether <paramref name="user"/> gets a presence, from clientid and that user's entry alone.</summary>
        public bool IsAuthorized(string user) => ConfigReader.IsAuthorized(source, user);

        private ConfigParse Scrubbing(ConfigParse config)
        {
            Host = new RedactingHost(rawHost, config.Tokens);
            return config;
        }
    }

    /// <summary>Reads a key from Navidrome the first time the call asks for it, then from memory.</summary>
    private static ConfigSource ConfigFrom(IPluginHost host)
    {
        var read = new Dictionary<string, string?>(StringComparer.Ordinal);
        return key =>
        {
            if (!read.TryGetValue(key, out var value)) read[key] = value = host.GetConfig(key);
            return value;
        };
    }
}
