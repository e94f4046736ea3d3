using Navidrome.DiscordPresence.Exports;
using Xunit;

namespace Navidrome.DiscordPresence.Tests;

public class ExportNamesTests
{
    [Fact]
    public void Every_export_is_an_nd_name_and_listed_once()
    {
        Assert.All(ExportNames.All, name => Assert.StartsWith("nd_", name));
        Assert.Equal(ExportNames.All.Count, ExportNames.All.Distinct().Count());
    }
}
