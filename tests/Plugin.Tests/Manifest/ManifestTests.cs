using System.Text.Json;
using Json.Schema;
using Navidrome.DiscordPresence.Domain.Config;
using Navidrome.DiscordPresence.Exports.Host;
using Xunit;

namespace Navidrome.DiscordPresence.Tests.Manifest;

public class ManifestTests
{
    private static readonly JsonElement Manifest = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("manifest.json"))).RootElement;
    private static JsonElement ConfigSchema => Manifest.GetProperty("config").GetProperty("schema");
    private static JsonElement Properties => ConfigSchema.GetProperty("properties");

    [SkippableFact]
    public void The_manifest_is_valid_against_Navidromes_manifest_schema()
    {
        var schemaPath = RepositoryFiles.SharedNavidromeFile("manifest-schema.json");
        Skip.If(schemaPath is null, "../shared/navidrome/manifest-schema.json is not beside this clone; only this check is skipped");
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath!));
        var result = schema.Evaluate(Manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))));
    }

    [Fact]
    public void Permissions_cover_exactly_the_host_functions_the_plugin_calls_plus_what_Navidrome_demands()
    {
        var declared = Manifest.GetProperty("permissions").EnumerateObject().Select(p => p.Name).ToHashSet();
        var needed = HostFunctionNames.All.Select(HostFunctionNames.PermissionOf).ToHashSet();
        needed.Add("users"); // a Scrobbler must declare users, and subsonicapi requires it
        Assert.Equal(needed.Order(), declared.Order());
    }

    [Fact]
    public void The_config_schema_names_exactly_the_keys_the_plugin_reads() =>
        Assert.Equal(ConfigKeys.All.Order(), Properties.EnumerateObject().Select(p => p.Name).Order());

    [Fact]
    public void The_schemas_defaults_are_the_defaults_the_plugin_applies()
    {
        // Navidrome never applies schema defaults; the UI does while a form is edited. Both must agree.
        var defaults = Properties.EnumerateObject()
            .Where(p => p.Value.TryGetProperty("default", out _))
            .ToDictionary(p => p.Name, p => Flatten(p.Value.GetProperty("default")));
        var fromDefaults = ConfigParser.Parse(new Dictionary<string, string>(defaults) { ["clientid"] = "1234567890123456789" });
        var fromNothing = ConfigParser.Parse(new Dictionary<string, string> { ["clientid"] = "1234567890123456789" });
        Assert.Empty(fromDefaults.Errors);
        Assert.Equal(fromNothing.Config, fromDefaults.Config);
    }

    [Fact]
    public void A_saved_config_that_the_schema_accepts_parses_without_errors()
    {
        var saved = JsonDocument.Parse("""
            {"clientid":"1234567890123456789","users":[{"username":"alice","token":"abc.def.ghi"}],"activityname":"Custom",
             "activitynametemplate":"{track} · {album}","statusdisplaytype":"state","onlinestatus":"dnd","pausemode":"clear",
             "pausetimeoutminutes":15,"ignoredplayers":["Sonos"],"caaenabled":true,"uguuenabled":true,"navidromeartwork":false,
             "showlogo":true,"spotifylinks":true,"links":"musicbrainz",
             "buttons":[{"label":"Listen on Spotify","url":"{spotifyurl}"},{"label":"{album}","url":"https://www.discogs.com/search?q={album}"}]}
            """).RootElement;
        Assert.True(JsonSchema.Build(ConfigSchema).Evaluate(saved).IsValid);
        // Flattened as Navidrome flattens it: strings kept, everything else as compact JSON text.
        var parse = ConfigParser.Parse(saved.EnumerateObject().ToDictionary(p => p.Name, p => Flatten(p.Value)));
        Assert.Empty(parse.Errors);
        Assert.Equal((PauseMode.Clear, 15, LinkMode.MusicBrainz), (parse.Config.Pause, parse.Config.PauseTimeoutMinutes, parse.Config.Links));
        Assert.Equal(2, parse.Config.Buttons.Count);
    }

    [Fact]
    public void The_buttons_form_holds_at_most_two_entries_each_with_a_label_and_a_url()
    {
        var buttons = Properties.GetProperty("buttons");
        Assert.Equal(ButtonList.Max, buttons.GetProperty("maxItems").GetInt32());
        Assert.Equal(["label", "url"], buttons.GetProperty("items").GetProperty("properties").EnumerateObject().Select(p => p.Name));
        var control = Manifest.GetProperty("config").GetProperty("uiSchema").GetProperty("elements").EnumerateArray()
            .Single(e => e.TryGetProperty("scope", out var s) && s.GetString() == "#/properties/buttons");
        Assert.Equal(["#/properties/label", "#/properties/url"],
            Controls(control.GetProperty("options").GetProperty("detail")).Select(c => c.GetProperty("scope").GetString()));
        var three = JsonDocument.Parse("""{"clientid":"1234567890123456789","buttons":[{"label":"a","url":"https://a.example"},{"label":"b","url":"https://b.example"},{"label":"c","url":"https://c.example"}]}""").RootElement;
        Assert.False(JsonSchema.Build(ConfigSchema).Evaluate(three).IsValid);
    }

    [Fact]
    public void The_token_is_a_password_field_in_the_form()
    {
        var users = Manifest.GetProperty("config").GetProperty("uiSchema").GetProperty("elements").EnumerateArray()
            .Single(e => e.TryGetProperty("scope", out var s) && s.GetString() == "#/properties/users");
        var token = Controls(users.GetProperty("options").GetProperty("detail"))
            .Single(e => e.GetProperty("scope").GetString() == "#/properties/token");
        Assert.Equal("password", token.GetProperty("options").GetProperty("format").GetString());
    }

    [Fact]
    public void Each_user_entry_offers_exactly_the_per_user_keys_in_its_schema_and_its_form()
    {
        var items = Properties.GetProperty("users").GetProperty("items").GetProperty("properties");
        Assert.Equal(UserSettings.Keys.Append("username").Append("token").Order(), items.EnumerateObject().Select(p => p.Name).Order());
        foreach (var key in UserSettings.Keys)
            Assert.False(items.GetProperty(key).TryGetProperty("default", out _), $"{key}: absent means the global value, so no default");
        var users = Manifest.GetProperty("config").GetProperty("uiSchema").GetProperty("elements").EnumerateArray()
            .Single(e => e.TryGetProperty("scope", out var s) && s.GetString() == "#/properties/users");
        Assert.Equal(items.EnumerateObject().Select(p => "#/properties/" + p.Name).Order(),
            Controls(users.GetProperty("options").GetProperty("detail")).Select(c => c.GetProperty("scope").GetString()).Order());
    }

    [Fact]
    public void A_saved_config_with_per_user_settings_that_the_schema_accepts_parses_without_errors()
    {
        var saved = JsonDocument.Parse("""
            {"clientid":"1234567890123456789","users":[{"username":"alice","token":"abc.def.ghi","hidden":false,"onlinestatus":"idle",
             "pausemode":"clear","activityname":"Track","activitynametemplate":"{track}","detailstemplate":"{album}","statetemplate":"{artist}",
             "ignoredplayers":["Car"]},{"username":"bob","token":"jkl.mno.pqr"}]}
            """).RootElement;
        Assert.True(JsonSchema.Build(ConfigSchema).Evaluate(saved).IsValid);
        var parse = ConfigParser.Parse(saved.EnumerateObject().ToDictionary(p => p.Name, p => Flatten(p.Value)));
        Assert.Empty(parse.Errors);
        Assert.Equal(new UserSettings(OnlineStatus.Idle, PauseMode.Clear, ActivityNameMode.Track, "{track}", "{album}", "{artist}", ["Car"]),
            parse.Config.FindUser("alice")!.Settings);
        Assert.Null(parse.Config.FindUser("bob")!.Settings);
    }

    /// <summary>Every Control in a layout, however deeply nested.</summary>
    private static IEnumerable<JsonElement> Controls(JsonElement layout) =>
        layout.TryGetProperty("elements", out var elements)
            ? elements.EnumerateArray().SelectMany(Controls)
            : layout.GetProperty("type").GetString() == "Control" ? [layout] : [];

    private static string Flatten(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : JsonSerializer.Serialize(value);
}
