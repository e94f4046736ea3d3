using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain.Config;
using static Navidrome.DiscordPresence.Tests.Config.ConfigGen;

namespace Navidrome.DiscordPresence.Tests.Config;

/// <summary>The per-call reader and the load-time checker agree on every config, good, bad or mixed.</summary>
public class ConfigReaderProperties
{
    [Property(MaxTest = 1500)]
    public Property Removing_what_the_checker_reports_leaves_a_config_it_accepts_with_the_values_the_reader_read() =>
        Prop.ForAll(Models.ToArbitrary(), model =>
        {
            var source = ConfigSources.From(model.Raw());
            var errors = ConfigChecker.Problems(source);
            var repaired = Repair(model, errors);
            var check = ConfigChecker.Check(ConfigSources.From(repaired.Raw()));
            var clean = check.Match(Succ: parse => parse, Fail: e => throw new InvalidOperationException(
                $"still reported after repair:\n{string.Join("\n", e)}\nrepaired:\n{repaired}"));
            var read = ConfigReader.Read(source);
            // The repair drops entries, and with them tokens from the screen: the screen is compared on its own below.
            var expected = clean.Config with { ClientId = read.Config.ClientId, Secrets = read.Config.Secrets };
            return (read.Config == expected).Label($"everyone:\n{read.Config}\n!=\n{expected}")
                .And(Usernames.All(user =>
                    ConfigReader.Read(source, user).Config == expected.ForUser(user)
                    && ConfigReader.Read(source, user).Tokens.For(user) == clean.Tokens.For(user)
                    && ConfigReader.IsAuthorized(source, user) == (read.Config.ClientId is not null && expected.FindUser(user) is not null)
                    && ConfigReader.Read(source, user).Tokens.All.All(t => t == clean.Tokens.For(user))))
                .Label("for each user: the same config, token and is_authorized")
                .And((read.Config.Secrets == SecretScreen.Of(model.Users.Select(u => u.Token?.Trim() ?? ""))).Label("every written token screened"));
        });

    [Property(MaxTest = 500)]
    public Property A_clean_config_is_read_exactly_as_the_checker_accepts_it() =>
        Prop.ForAll(Models.ToArbitrary(), model =>
        {
            var source = ConfigSources.From(model.Raw());
            return ConfigChecker.Check(source).Match(
                Succ: parse => ConfigReader.Read(source).Config == parse.Config,
                Fail: _ => true);
        });

    /// <summary>The config with every reported key removed and every reported entry dropped.</summary>
    private static Model Repair(Model model, IEnumerable<ConfigError> errors)
    {
        var globals = new Dictionary<string, string>(model.Globals);
        var users = model.Users.Select((entry, index) => (entry, position: index + 1)).ToList();
        RepairButtons(globals, [.. errors.Where(e => e.Key == ConfigKeys.Buttons)]);
        foreach (var error in errors.Where(e => e.Key != ConfigKeys.Buttons))
        {
            var duplicate = error.Problem.Contains("listed more than once");
            if (UserSettings.Keys.Contains(error.Key) && (error.Username is not null || error.Problem.StartsWith("entry ")))
                DropSetting(users, error);
            else if (error.Key == ConfigKeys.ClientId) globals[ConfigKeys.ClientId] = ClientId;
            else if (error.Key != ConfigKeys.Users) globals.Remove(error.Key);
            else if (error.Username is { } name)
            {
                var first = users.FirstOrDefault(u => u.entry.Username?.Trim() == name).position; // 0: already dropped
                users.RemoveAll(u => u.entry.Username?.Trim() == name && (!duplicate || u.position != first));
            }
            else if (Regex.Match(error.Problem, @"^entry (\d+) ") is { Success: true } match)
                Drop(users, int.Parse(match.Groups[1].Value), duplicate);
            else throw new InvalidOperationException($"a users problem the model cannot produce: {error}");
        }
        return new Model(globals, [.. users.Select(u => u.entry)]);
    }

    /// <summary>
    /// Reported buttons go: entries past the second when that is reported, then each entry a problem names; any other
    /// problem with the key removes the key.
    /// </summary>
    private static void RepairButtons(Dictionary<string, string> globals, IReadOnlyList<ConfigError> errors)
    {
        if (errors.Count == 0) return;
        var named = errors.Select(e => Regex.Match(e.Problem, @"^button (\d+)\b")).ToList();
        var tooMany = errors.Any(e => e.Problem.StartsWith("has ", StringComparison.Ordinal));
        if (errors.Count != named.Count(m => m.Success) + (tooMany ? 1 : 0))
        {
            globals.Remove(ConfigKeys.Buttons);
            return;
        }
        var entries = System.Text.Json.Nodes.JsonNode.Parse(globals[ConfigKeys.Buttons])!.AsArray().Select(n => n?.DeepClone()).ToList();
        if (tooMany) entries = entries.Take(2).ToList();
        var dropped = named.Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value) - 1).ToHashSet();
        globals[ConfigKeys.Buttons] = new System.Text.Json.Nodes.JsonArray([.. entries.Where((_, i) => !dropped.Contains(i))]).ToJsonString();
    }

    /// <summary>A reported per-user value is removed from the user's (first) entry.</summary>
    private static void DropSetting(List<(Entry entry, int position)> users, ConfigError error)
    {
        var index = error.Username is { } name
            ? users.FindIndex(u => u.entry.Username?.Trim() == name)
            : users.FindIndex(u => u.position == int.Parse(Regex.Match(error.Problem, @"^entry (\d+) ").Groups[1].Value));
        var (entry, position) = users[index];
        users[index] = (entry with { Settings = [.. entry.Settings.Where(s => s.Key != error.Key)] }, position);
    }

    /// <summary>A reported duplicate goes alone; a reported first entry takes its later namesakes with it (they are duplicates).</summary>
    private static void Drop(List<(Entry entry, int position)> users, int position, bool duplicate)
    {
        var name = users.FirstOrDefault(u => u.position == position).entry?.Username?.Trim();
        if (name is null && users.All(u => u.position != position)) return;
        users.RemoveAll(u => u.position == position || !duplicate && !string.IsNullOrEmpty(name) && u.entry.Username?.Trim() == name && u.position > position);
    }
}
