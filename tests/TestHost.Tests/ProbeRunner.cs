using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Navidrome.DiscordPresence.Harness;

namespace Navidrome.DiscordPresence.TestHost.Tests;

/// <summary>
/// A stand-in plugin for testing the host itself: records every export call (name, input, thread overlap) and
/// lets a test react to a call through the host services, the way a plugin would.
/// </summary>
public sealed class ProbeRunner(Action<string, JsonObject, IHostServices>? react = null) : IPluginRunner
{
    private int _running;

    public ConcurrentQueue<(string Export, JsonObject Input)> Calls { get; } = new();

    /// <summary>The most calls that ever ran at the same time.</summary>
    public int MaxOverlap { get; private set; }

    public CallResult Call(string export, byte[] input, IHostServices host)
    {
        var running = Interlocked.Increment(ref _running);
        lock (this) MaxOverlap = Math.Max(MaxOverlap, running);
        try
        {
            var json = JsonNode.Parse(input)!.AsObject();
            Calls.Enqueue((export, json));
            if (export.StartsWith("nd_websocket", StringComparison.Ordinal)) Thread.Sleep(2); // widen any overlap window
            react?.Invoke(export, json, host);
            return new CallResult(0, [], null);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public List<JsonObject> InputsOf(string export) => [.. Calls.Where(c => c.Export == export).Select(c => c.Input)];

    /// <summary>Calls a host function with a JSON request and parses the answer.</summary>
    public static JsonObject Host(IHostServices host, string function, string request) =>
        JsonNode.Parse(host.CallHost(function, Encoding.UTF8.GetBytes(request)))!.AsObject();
}
