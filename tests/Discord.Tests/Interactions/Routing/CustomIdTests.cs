using CineSync.Discord.Interactions.Routing;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Tests.Interactions.Routing;

public sealed class CustomIdTests
{
    [Fact]
    public void Arguments_packed_after_the_prefix_round_trip()
    {
        var value = CustomId.Create("vote", 438631, 12);

        var parsed = CustomId.Parse(value);

        Assert.Equal("vote:438631:12", value);
        Assert.Equal("vote", parsed.Prefix);
        Assert.Equal(438631, parsed.GetInt64(0));
        Assert.Equal("12", parsed[1]);
    }

    [Fact]
    public void A_custom_id_longer_than_100_characters_is_refused_when_built()
    {
        var error = Assert.Throws<DiscordLimitException>(() => CustomId.Create("p", new string('a', 99)));

        Assert.Contains("Discord allows at most 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_containing_the_separator_are_refused()
    {
        Assert.Throws<DiscordLimitException>(() => CustomId.Create("rate", "a:b"));
    }
}
