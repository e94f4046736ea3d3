using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Navidrome.DiscordPresence.Domain.Config;

namespace Navidrome.DiscordPresence.Tests.Config;

public class ConfigParserProperties
{
    private static readonly Gen<string> Values = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? ""),
        Gen.Elements("true", "false", "null", "0", "30", "1e+21", "[]", "[\"a\"]", "{}", "[{}]", "[{\"username\":1}]", "Custom", "dnd", "{track}{"),
        Gen.Elements("[{\"username\":\"u\",\"token\":\"t.o.k\"}]", "[{\"username\":\"u\"}]", "[null]", "[{\"username\":\"u\",\"token\":\"t.o.k\"},"));

    private static readonly Gen<Dictionary<string, string>> Configs =
        from pairs in Gen.ListOf(Gen.Zip(Gen.Elements(ConfigKeys.All.ToArray()), Values))
        select pairs.DistinctBy(p => p.Item1).ToDictionary(p => p.Item1, p => p.Item2);

    [Property(MaxTest = 2000)]
    public Property Any_config_parses_without_throwing_and_every_error_names_a_known_key() =>
        Prop.ForAll(Configs.ToArbitrary(), raw =>
        {
            var parse = ConfigParser.Parse(raw);
            return parse.Errors.All(e => ConfigKeys.All.Contains(e.Key) || UserSettings.Keys.Contains(e.Key))
                && parse.Config.Users.All(u => parse.Tokens.For(u.Username) is not null)
                && parse.Config.PauseTimeoutMinutes is >= 0 and <= ConfigDefaults.MaxPauseTimeoutMinutes;
        });

    [Property(MaxTest = 500)]
    public Property A_config_without_problems_reports_none_and_a_bad_value_never_costs_another_key(bool caa, bool uguu) =>
        Prop.ForAll(Values.ToArbitrary(), junk =>
        {
            var good = new Dictionary<string, string> { ["clientid"] = "1234567890123456789", ["caaenabled"] = caa ? "true" : "false", ["uguuenabled"] = uguu ? "true" : "false" };
            var withJunk = new Dictionary<string, string>(good) { ["onlinestatus"] = junk };
            var baseline = ConfigParser.Parse(good);
            var parsed = ConfigParser.Parse(withJunk);
            return baseline.Errors.IsEmpty && parsed.Config.Artwork == baseline.Config.Artwork && parsed.Errors.All(e => e.Key == "onlinestatus");
        });

    private static readonly Gen<string> UsersJson =
        from entries in Gen.ListOf(Gen.Zip(Gen.Elements("alice", "bob", "carol", "", " bob "), Gen.Elements("t.o.k", "", "Bearer x", "a b", "x.y.z")))
        select "[" + string.Join(",", entries.Select(e => $$"""{"username":"{{e.Item1}}","token":"{{e.Item2}}"}""")) + "]";

    [Property(MaxTest = 1000)]
    public Property A_parse_for_one_user_answers_for_that_user_exactly_as_a_full_parse() =>
        Prop.ForAll(UsersJson.ToArbitrary(), Gen.Elements("alice", "bob", "carol", "dave").ToArbitrary(), (users, user) =>
        {
            var raw = new Dictionary<string, string> { ["clientid"] = "1234567890123456789", ["users"] = users, ["onlinestatus"] = "busy" };
            var full = ConfigParser.Parse(raw);
            var one = ConfigParser.Parse(raw, user);
            return one.Config.Users.SequenceEqual(full.Config.Users.Where(u => u.Username == user))
                && one.Tokens.For(user) == full.Tokens.For(user)
                && one.Tokens.All.All(t => t == full.Tokens.For(user))
                && one.Errors.SequenceEqual(full.Errors.Where(e => e.Username is null && e.Key != "users" || e.Username == user))
                && one.Config with { Users = [] } == full.Config with { Users = [] };
        });
}
