using System.Text.Json;
using CineSync.Discord.Commands;
using CineSync.Discord.Messages;
using CineSync.Discord.Serialization;
using CineSync.Discord.Tests.Fixtures;

namespace CineSync.Discord.Tests.Commands;

public sealed class CommandBuilderTests
{
    [Fact]
    public void The_watch_party_command_builds_exactly_the_authored_definition()
    {
        var command = new SlashCommandBuilder("watchparty", "Pick a movie for a group") { Contexts = [0] }
            .AddOption(CommandOptionBuilder.User("member1", "First person to invite", required: true));
        for (var i = 2; i <= 5; i++)
        {
            command.AddOption(CommandOptionBuilder.User("member" + i, $"Person {i} to invite"));
        }

        command.AddOption(CommandOptionBuilder.String("genre", "Optional genre filter", autocomplete: true));

        var json = JsonSerializer.SerializeToElement(command.Build(), DiscordJsonContext.Default.JsonApplicationCommand);

        using var fixture = FixtureCatalog.Parse("authored/command-watchparty-definition.json");
        var expected = JsonSerializer.Deserialize(fixture.RootElement.GetRawText(), DiscordJsonContext.Default.JsonApplicationCommand)!;
        expected.IntegrationTypes = null;
        foreach (var option in expected.Options!)
        {
            option.Required = option.Required == true ? true : null;
        }

        JsonAssert.Equivalent(JsonSerializer.SerializeToElement(expected, DiscordJsonContext.Default.JsonApplicationCommand), json);
    }

    [Theory]
    [InlineData("Recommend")]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a_name_that_is_longer_than_32_chars")]
    public void Command_names_must_be_1_to_32_lowercase_word_characters(string name)
    {
        Assert.Throws<DiscordLimitException>(() => new SlashCommandBuilder(name, "Describe").Build());
    }

    [Fact]
    public void Descriptions_must_be_1_to_100_characters()
    {
        Assert.Throws<DiscordLimitException>(() => new SlashCommandBuilder("rate", "").Build());
        Assert.Throws<DiscordLimitException>(() => new SlashCommandBuilder("rate", new string('d', 101)).Build());
    }

    [Fact]
    public void More_than_25_choices_and_required_after_optional_options_are_rejected()
    {
        var option = CommandOptionBuilder.String("genre", "Genre");
        for (var i = 0; i < 26; i++)
        {
            option.AddChoice("g" + i, "g" + i);
        }

        Assert.Throws<DiscordLimitException>(() => new SlashCommandBuilder("recommend", "Recommend").AddOption(option).Build());

        var misordered = new SlashCommandBuilder("rate", "Rate")
            .AddOption(CommandOptionBuilder.String("title", "Title"))
            .AddOption(CommandOptionBuilder.Integer("stars", "Stars", required: true));
        Assert.Contains("must come before the optional ones", Assert.Throws<DiscordLimitException>(() => misordered.Build()).Message, StringComparison.Ordinal);
    }
}
