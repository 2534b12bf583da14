using System.Text.Json;
using CineSync.Discord.Interactions;
using CineSync.Discord.Messages;
using CineSync.Discord.Serialization;
using CineSync.Discord.Tests.Fixtures;

namespace CineSync.Discord.Tests.Interactions;

public sealed class InteractionModelTests
{
    [Fact]
    public void User_options_resolve_to_users_with_their_members()
    {
        var command = Assert.IsType<ApplicationCommandInteraction>(Load("authored/interaction-watchparty-two-users.json"));

        var alice = command.GetUser("member1");
        var bob = command.GetUser("member2");

        Assert.Equal(("Alice", 111111111111111111UL), (alice!.DisplayName, alice.User.Id));
        Assert.NotNull(alice.Member);
        Assert.Equal("Bob", bob!.User.GlobalName);
        Assert.Equal("horror", command.GetString("genre"));
        Assert.Null(command.GetUser("member3"));
        Assert.Equal(333333333333333333UL, command.User.Id);
        Assert.Equal(1100000000000000000UL, command.GuildId);
    }

    [Fact]
    public void Autocomplete_exposes_the_focused_option_and_typed_text()
    {
        var autocomplete = Assert.IsType<AutocompleteInteraction>(Load("interactions/autocomplete.json"));

        Assert.Equal("variant", autocomplete.FocusedOption!.Name);
        Assert.Equal("data a user is typ", autocomplete.FocusedText);
    }

    [Fact]
    public void Modal_values_are_read_from_legacy_action_rows_and_from_labels()
    {
        var legacy = Assert.IsType<ModalSubmitInteraction>(Load("authored/interaction-modal-submit-legacy-action-row-partial.json"));
        var labelled = Assert.IsType<ModalSubmitInteraction>(Load("interactions/modal-submit-label-text-input-partial.json"));

        Assert.Equal("4.5", legacy.GetValue("stars"));
        Assert.Equal("Great pacing", legacy.GetValue("review"));
        Assert.StartsWith("The recent changes", labelled.GetValue("game_feedback"), StringComparison.Ordinal);
    }

    [Fact]
    public void Selects_carry_their_values_and_resolved_users()
    {
        var strings = Assert.IsType<ComponentInteraction>(Load("interactions/component-string-select-partial.json"));
        var users = Assert.IsType<ComponentInteraction>(Load("interactions/component-user-select-partial.json"));

        Assert.Equal(["butterfly"], strings.Values);
        Assert.Equal(ComponentType.UserSelect, users.ComponentType);
        Assert.True(users.ResolvedUsers[1111111111111111111].User.IsBot);
    }

    [Fact]
    public void Sub_commands_are_unwrapped_into_a_path_and_leaf_options()
    {
        const string json = """
            {"id":"1","application_id":"2","type":2,"token":"t","version":1,
             "data":{"id":"3","name":"party","type":1,"options":[{"name":"vote","type":1,"options":[{"name":"pick","type":4,"value":7},{"name":"score","type":10,"value":4.5},{"name":"public","type":5,"value":true}]}]}}
            """;

        var command = Assert.IsType<ApplicationCommandInteraction>(Interaction.Create(JsonSerializer.Deserialize(json, DiscordJsonContext.Default.JsonInteraction)!));

        Assert.Equal("vote", command.SubCommand);
        Assert.Equal(7, command.GetInt64("pick"));
        Assert.Equal(4.5, command.GetDouble("score"));
        Assert.True(command.GetBoolean("public"));
    }

    private static Interaction Load(string fixture)
        => Interaction.Create(JsonSerializer.Deserialize(FixtureCatalog.Read(fixture), DiscordJsonContext.Default.JsonInteraction)!);
}
