using FsCheck;
using FsCheck.Fluent;
using Navidrome.DiscordPresence.Domain.Config;

namespace Navidrome.DiscordPresence.Tests.Config;

/// <summary>
/// Generated configs as an admin might save them: good and bad values for every key, extra and duplicate users,
/// bad tokens, and configured tokens pasted where they do not belong. Built as a model, so a test can remove
/// exactly what the checker reports.
/// </summary>
public static class ConfigGen
{
    public const string ClientId = "1234567890123456789";
    public static readonly string[] Tokens = ["MTA5ODc2NTQzMjEw.GaBcDe.alice_secret-token", "OTg3NjU0MzIxMDk4.XyZ123.bob-secret_token", "c2hvcnQ.carol.tok"];
    public static readonly string[] Usernames = ["alice", "bob", "carol", "dave"];

    /// <summary>One users entry: a username, a token, and per-user settings (key → JSON value text).</summary>
    public sealed record Entry(string? Username, string? Token, IReadOnlyList<(string Key, string Json)> Settings);

    /// <summary>A whole config: global key → text, and the users list.</summary>
    public sealed record Model(IReadOnlyDictionary<string, string> Globals, IReadOnlyList<Entry> Users)
    {
        public Dictionary<string, string> Raw()
        {
            var raw = new Dictionary<string, string>(Globals);
            if (Users.Count > 0) raw[ConfigKeys.Users] = UsersJson(Users);
            return raw;
        }

        public override string ToString() => string.Join("\n", Raw().Select(p => $"{p.Key} = {p.Value}"));
    }

    public static string UsersJson(IEnumerable<Entry> entries) => "[" + string.Join(",", entries.Select(e =>
    {
        var fields = new List<string>();
        if (e.Username is not null) fields.Add($"\"username\":{Json(e.Username)}");
        if (e.Token is not null) fields.Add($"\"token\":{Json(e.Token)}");
        fields.AddRange(e.Settings.Select(s => $"\"{s.Key}\":{s.Json}"));
        return "{" + string.Join(",", fields) + "}";
    })) + "]";

    public static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);

    private static Gen<string> Sprinkled(params string[] good) => Gen.Frequency(
        (8, Gen.Elements(good)),
        (1, Gen.Elements(Tokens).Select(t => "{track} " + t)),
        (1, Gen.Elements(Tokens).Select(t => t.Substring(0, 8))),
        (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "")));

    private static readonly Gen<string> Templates = Sprinkled("{track}", "{artist} - {album}", "", "{albumartist}", "{title}", "{track", "x");

    /// <summary>Values for a key: mostly good ones, some bad, some tokens.</summary>
    public static Gen<string> ValueFor(string key) => key switch
    {
        ConfigKeys.ClientId => Gen.Frequency((6, Gen.Constant(ClientId)), (1, Gen.Elements("123", "", "null")), (1, Gen.Elements(Tokens))),
        ConfigKeys.ActivityName => Sprinkled("Default", "track", "ALBUM", "Artist", "Custom", "4", "Song"),
        ConfigKeys.ActivityNameTemplate or ConfigKeys.DetailsTemplate or ConfigKeys.StateTemplate or ConfigKeys.LargeTextTemplate => Templates,
        ConfigKeys.StatusDisplayType => Sprinkled("name", "state", "details", "2", "both"),
        ConfigKeys.OnlineStatus => Sprinkled("online", "idle", "dnd", "invisible", "busy"),
        ConfigKeys.PauseMode => Sprinkled("frozen", "clear", "freeze"),
        ConfigKeys.PauseTimeoutMinutes => Sprinkled("0", "30", "1440", "-1", "2.5", "1e+21"),
        ConfigKeys.IgnoredPlayers => Gen.Frequency((6, Sprinkled("Sonos", "a, b", "[\"Car\",\" Kitchen \"]", "[1]", "[\"x\"")),
            (1, Gen.Elements(Tokens).Select(t => $"[\"Car\",{Json(t)}]"))),
        ConfigKeys.CoverArtArchive or ConfigKeys.Uguu or ConfigKeys.NavidromeArtwork or ConfigKeys.ShowLogo or ConfigKeys.SpotifyLinks or ConfigKeys.YieldToOtherApps =>
            Sprinkled("true", "false", "TRUE", "yes"),
        ConfigKeys.Links => Sprinkled("none", "spotify", "musicbrainz", "youtube"),
        ConfigKeys.Buttons => Gen.Frequency((6, ButtonLists), (1, Sprinkled("[]", "{\"label\":\"x\",\"url\":\"https://example.org\"}", "[", "[1,"))),
        _ => Templates,
    };

    /// <summary>Button entries as an admin might write them: good ones, and each way one can never show.</summary>
    public static readonly Gen<string> ButtonEntries = Gen.Frequency(
        (6, Gen.Elements(
            """{"label":"Listen on Spotify","url":"{spotifyurl}"}""",
            """{"label":"{album} on MusicBrainz","url":"{musicbrainzalbumurl}"}""",
            """{"label":"Search {artist}","url":"https://www.youtube.com/results?search_query={artist}+{track}"}""",
            """{"LABEL":"Case","Url":"https://example.org/{year}","note":1}""",
            """{"label":"{genre}","url":"https://example.org/genre/{genre}"}""")),
        (4, Gen.Elements(
            """{"label":"","url":"https://example.org"}""", """{"url":"https://example.org"}""", """{"label":"No url"}""",
            """{"label":"x","url":"http://example.org/{track}"}""", """{"label":"x","url":"https://192.168.1.2/{track}"}""",
            """{"label":"x","url":"https://user:pw@example.org/"}""", """{"label":"x","url":"{track}"}""",
            """{"label":"x","url":"https://example.org/a b"}""", """{"label":"{title}","url":"https://example.org"}""",
            """{"label":"x","url":"https://example.org/{nope}"}""", """{"label":1,"url":"https://example.org"}""", "3", "null")),
        (1, Gen.Elements(Tokens).SelectMany(t => Gen.Elements(
            $$"""{"label":"Me","url":"https://example.org/?t={{t}}"}""", $$"""{"label":"{{t}}","url":"https://example.org"}"""))));

    private static Gen<string> ButtonLists => Gen.ListOf(ButtonEntries).Select(list => "[" + string.Join(",", list.Take(4)) + "]");

    private static readonly Gen<string?> EntryTokens = Gen.Frequency(
        (8, Gen.Elements<string?>(Tokens)),
        (1, Gen.Elements<string?>(null, "", "Bot abc.def", "Bearer abc.def", "a b.c", " MTA5ODc2NTQzMjEw.GaBcDe.alice_secret-token ")));

    private static readonly Gen<string?> EntryNames = Gen.Frequency(
        (8, Gen.Elements<string?>(Usernames)),
        (1, Gen.Elements<string?>(null, "", " bob ")),
        (1, Gen.Elements(Tokens).Select(t => (string?)("x" + t))));

    /// <summary>Per-user settings: good, bad and token-holding values for every per-user key.</summary>
    private static Gen<IReadOnlyList<(string Key, string Json)>> PerUserSettings =>
        Gen.Frequency(
            (2, Gen.Constant<IReadOnlyList<(string, string)>>([])),
            (3, from keys in Gen.SubListOf(UserSettings.Keys.ToArray())
                from values in keys.Aggregate(Gen.Constant(System.Collections.Immutable.ImmutableList<(string, string)>.Empty),
                    (gen, key) => from list in gen from value in SettingValue(key) select list.Add((key, value)))
                select (IReadOnlyList<(string, string)>)values));

    private static Gen<string> SettingValue(string key) => key switch
    {
        ConfigKeys.Hidden => Gen.Elements("true", "false", "\"true\"", "\"yes\"", "null", "1"),
        ConfigKeys.IgnoredPlayers => Gen.OneOf(Gen.Elements("[\"Car\"]", "[1]", "\"a, b\"", "null"), Gen.Elements(Tokens).Select(t => $"[{Json(t)}]")),
        _ => Gen.OneOf(ValueFor(key).Select(Json), Gen.Elements("null", "\"  \"", "3", "false")),
    };


    private static Gen<Entry> Entries =>
        from name in EntryNames
        from token in EntryTokens
        from settings in PerUserSettings
        select new Entry(name, token, settings);

    /// <summary>Whole configs.</summary>
    public static Gen<Model> Models =>
        from globals in Globals
        from users in Gen.ListOf(Entries).Select(l => l.Take(6).ToList())
        select new Model(globals, users);

    /// <summary>Each global key absent or set, independently.</summary>
    private static Gen<IReadOnlyDictionary<string, string>> Globals =>
        ConfigKeys.All.Where(k => k != ConfigKeys.Users).Aggregate(
            Gen.Constant(System.Collections.Immutable.ImmutableDictionary<string, string>.Empty),
            (gen, key) => from map in gen
                          from set in Gen.Elements(true, false)
                          from value in ValueFor(key)
                          select set ? map.SetItem(key, value) : map)
        .Select(map => (IReadOnlyDictionary<string, string>)map);
}
