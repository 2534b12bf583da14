using CineSync.Bot.Commands;
using CineSync.Bot.ConsoleMode;
using CineSync.Bot.Core;

namespace CineSync.BotClient.Tests.Core;

/// <summary>Typed console commands are read against the same definitions Discord gets.</summary>
public sealed class ConsoleCommandLineTests
{
    [Fact]
    public void Quoted_values_and_choices_are_read_like_discord_options()
    {
        var recommend = RecommendCommand.Definition.Build();

        var options = ConsoleCommandLine.ParseOptions(recommend, ConsoleCommandLine.Tokenize("count:5 genre:thriller decade:1990s"));

        Assert.Equal("5", options["count"]);
        Assert.Equal("Thriller", options["genre"]);
        Assert.Equal("1990", options["decade"]);
    }

    [Fact]
    public void A_title_can_be_quoted_or_typed_without_its_name()
    {
        var rate = RateCommand.Definition.Build();

        var quoted = ConsoleCommandLine.ParseOptions(rate, ConsoleCommandLine.Tokenize("title:\"The Matrix\" stars:4.5"));
        var loose = ConsoleCommandLine.ParseOptions(WhyCommand.Definition.Build(), ConsoleCommandLine.Tokenize("The Matrix"));

        Assert.Equal("The Matrix", quoted["title"]);
        Assert.Equal("4.5", quoted["stars"]);
        Assert.Equal("The Matrix", loose["title"]);
    }

    [Theory]
    [InlineData("count:11")]
    [InlineData("count:many")]
    [InlineData("genre:opera")]
    public void Values_outside_the_definition_are_refused_with_a_hint(string typed)
    {
        var recommend = RecommendCommand.Definition.Build();

        var refusal = Assert.Throws<UserInputException>(() => ConsoleCommandLine.ParseOptions(recommend, ConsoleCommandLine.Tokenize(typed)));

        Assert.Contains(typed.Split(':')[0], refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_option_is_named()
    {
        var refusal = Assert.Throws<UserInputException>(() => ConsoleCommandLine.ParseOptions(SimilarCommand.Definition.Build(), []));

        Assert.Contains("needs title", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4.5", 4.5f)]
    [InlineData("4,5", 4.5f)]
    [InlineData("3½", 3.5f)]
    [InlineData("★★★★", 4f)]
    [InlineData("5/5", 5f)]
    public void Typed_ratings_are_understood(string typed, float stars)
    {
        Assert.True(StarsParser.TryParse(typed, out var parsed));
        Assert.Equal(stars, parsed);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4.3")]
    [InlineData("six")]
    public void Impossible_ratings_are_refused(string typed) => Assert.False(StarsParser.TryParse(typed, out _));
}
