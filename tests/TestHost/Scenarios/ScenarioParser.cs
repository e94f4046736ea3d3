using System.Text.Json;
using System.Text.Json.Nodes;

namespace Navidrome.DiscordPresence.TestHost.Scenarios;

/// <summary>
/// Reads a scenario file (docs/scenarios.md). Header lines set the world up (title, Navidrome version, config,
/// users, tracks, Discord and web-service behaviour); every line from the first <c>at</c> on is a timed step.
/// Errors name the file and line.
/// </summary>
public static class ScenarioParser
{
    private static readonly HashSet<string> SetupVerbs = ["discord", "web"];

    public static Scenario ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static Scenario Parse(string text, string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var version = NavidromeVersion.V062;
        double? random = null;
        var config = new JsonObject();
        var users = new List<string>();
        string? publicUrl = null;
        var tracks = new Dictionary<string, TrackInfo>(StringComparer.Ordinal);
        var setup = new List<ScenarioStep>();
        var steps = new List<ScenarioStep>();
        var allowances = new HashSet<string>(StringComparer.Ordinal);
        var lastAt = 0L;
        var concurrent = false;
        string? knownBug = null;

        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            try
            {
                if (line.StartsWith("at ", StringComparison.Ordinal) || line.StartsWith("after ", StringComparison.Ordinal))
                {
                    var words = ScenarioText.Words(line);
                    if (words.Count < 3) throw new FormatException("a step needs a time and an action");
                    var at = words[0] == "after" ? lastAt + ScenarioText.Time(words[1]) : ScenarioText.Time(words[1]);
                    if (at < lastAt) throw new FormatException($"steps must not go back in time ({words[1]} is before the previous step)");
                    lastAt = at;
                    steps.Add(new ScenarioStep(number, at, words[2], words[3..], line));
                    continue;
                }
                if (steps.Count > 0) throw new FormatException("only steps (at … / after …) may follow the first step");

                var colon = line.IndexOf(':');
                var head = colon < 0 ? line : line[..colon].Trim();
                var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
                var headWords = ScenarioText.Words(head);
                switch (headWords.FirstOrDefault())
                {
                    case "scenario" or "title":
                        name = value;
                        break;
                    case "navidrome":
                        version = value switch
                        {
                            "0.60" or "0.61" => NavidromeVersion.V061,
                            "0.62" or "0.63" or "latest" => NavidromeVersion.V062,
                            _ => throw new FormatException($"unknown Navidrome version '{value}' (0.60, 0.61, 0.62, 0.63)"),
                        };
                        break;
                    case "workers":
                        concurrent = value switch
                        {
                            "concurrent" => true,
                            "sequential" => false,
                            _ => throw new FormatException("workers: concurrent | sequential"),
                        };
                        break;
                    case "random":
                        random = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "config" when headWords.Count == 1:
                        config = JsonNode.Parse(value) as JsonObject ?? throw new FormatException("config: must be a JSON object");
                        break;
                    case "config":
                        config[headWords[1]] = ConfigValue(value);
                        break;
                    case "users":
                        users.AddRange(ScenarioText.Words(value));
                        break;
                    case "share-url":
                        publicUrl = value;
                        break;
                    case "track" when headWords.Count == 2:
                        tracks[headWords[1]] = Track(headWords[1], ScenarioText.Words(value));
                        break;
                    case "known-bug":
                        knownBug = value;
                        break;
                    case "allow":
                        foreach (var word in ScenarioText.Words(value)) allowances.Add(word);
                        break;
                    case var verb when verb is not null && SetupVerbs.Contains(verb):
                        var words = ScenarioText.Words(line.Replace(":", " ", StringComparison.Ordinal));
                        setup.Add(new ScenarioStep(number, 0, words[0], words[1..], line));
                        break;
                    default:
                        throw new FormatException($"unknown header line '{head}'");
                }
            }
            catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
            {
                throw new ScenarioFormatException($"{path}:{number}: {e.Message}");
            }
        }

        var configJson = config.ToJsonString();
        if (users.Count == 0) users.AddRange(TestWorld.TokensIn(configJson).Select(t => t.User).Distinct());
        return new Scenario(name, path, version, random, configJson, users, publicUrl, tracks, setup, steps, allowances, concurrent, knownBug);
    }

    /// <summary>A config value: JSON when it parses as JSON, otherwise the text as a string.</summary>
    public static JsonNode? ConfigValue(string value)
    {
        try { return JsonNode.Parse(value); }
        catch (JsonException) { return JsonValue.Create(value); }
    }

    private static TrackInfo Track(string key, List<string> words)
    {
        var (options, rest) = ScenarioText.Options(words);
        if (rest.Count > 0) throw new FormatException($"track {key}: unexpected '{rest[0]}' (write key=value)");
        string Get(string name, string fallback = "") => options.TryGetValue(name, out var v) ? v : fallback;
        return new TrackInfo(
            Get("id", key),
            Get("title", key),
            Get("album"),
            Get("artist"),
            ScenarioText.Time(Get("duration", "3:00")) / 1000.0,
            Get("album-artist"),
            Get("mbz-recording"),
            Get("mbz-album"),
            Get("mbz-release-group"),
            int.Parse(Get("year", "0"), System.Globalization.CultureInfo.InvariantCulture),
            Get("genre"));
    }
}
