using CineSync.Discord.Interactions;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Tests.Messages;

public sealed class ComponentLimitTests
{
    [Fact]
    public void A_custom_id_over_100_characters_is_rejected()
    {
        var row = new ActionRowBuilder().AddButton(ButtonBuilder.Create(new string('x', 101), "Go"));

        var error = Assert.Throws<DiscordLimitException>(() => Send(row));

        Assert.Contains("Button custom_id is 101 characters; Discord allows at most 100", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_5_buttons_in_a_row_are_rejected()
    {
        var row = new ActionRowBuilder();
        for (var i = 0; i < 6; i++)
        {
            row.AddButton(ButtonBuilder.Create("b" + i, "B"));
        }

        var error = Assert.Throws<DiscordLimitException>(() => Send(row));

        Assert.Contains("Buttons in an action row: 6 given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_5_action_rows_are_rejected()
    {
        var message = new MessageProperties();
        for (var i = 0; i < 6; i++)
        {
            message.AddActionRow(new ActionRowBuilder().AddButton(ButtonBuilder.Create("b" + i, "B")));
        }

        var error = Assert.Throws<DiscordLimitException>(() => InteractionCallback.Message(message));

        Assert.Contains("Action rows in a message: 6 given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_select_needs_1_to_25_options_with_short_labels_values_and_descriptions()
    {
        Assert.Throws<DiscordLimitException>(() => Send(new ActionRowBuilder().WithSelect(new StringSelectBuilder("s"))));

        var tooMany = new StringSelectBuilder("s");
        for (var i = 0; i < 26; i++)
        {
            tooMany.AddOption("o" + i, "v" + i);
        }

        Assert.Contains("Select options: 26 given", Assert.Throws<DiscordLimitException>(() => Send(new ActionRowBuilder().WithSelect(tooMany))).Message, StringComparison.Ordinal);
        AssertSelectRejected(new StringSelectBuilder("s").AddOption(new string('l', 101), "v"), "Select option 1 label");
        AssertSelectRejected(new StringSelectBuilder("s").AddOption("l", new string('v', 101)), "Select option 1 value");
        AssertSelectRejected(new StringSelectBuilder("s").AddOption("l", "v", new string('d', 101)), "Select option 1 description");
    }

    [Fact]
    public void A_row_cannot_mix_buttons_and_a_select()
    {
        var row = new ActionRowBuilder().AddButton(ButtonBuilder.Create("b", "B")).WithSelect(new UserSelectBuilder("u"));

        Assert.Throws<DiscordLimitException>(() => Send(row));
    }

    [Fact]
    public void A_modal_title_is_at_most_45_characters_and_holds_1_to_5_inputs()
    {
        var longTitle = new ModalBuilder("m", new string('t', 46)).AddTextInput(new TextInputBuilder("a", "A"));
        Assert.Contains("Modal title is 46 characters", Assert.Throws<DiscordLimitException>(() => InteractionCallback.Modal(longTitle)).Message, StringComparison.Ordinal);

        Assert.Throws<DiscordLimitException>(() => InteractionCallback.Modal(new ModalBuilder("m", "Rate")));

        var six = new ModalBuilder("m", "Rate");
        for (var i = 0; i < 6; i++)
        {
            six.AddTextInput(new TextInputBuilder("i" + i, "Label"));
        }

        Assert.Contains("Inputs in a modal: 6 given", Assert.Throws<DiscordLimitException>(() => InteractionCallback.Modal(six)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_input_labels_are_at_most_45_and_values_at_most_4000_characters()
    {
        var longLabel = new ModalBuilder("m", "Rate").AddTextInput(new TextInputBuilder("a", new string('l', 46)));
        Assert.Contains("Text input label is 46", Assert.Throws<DiscordLimitException>(() => InteractionCallback.Modal(longLabel)).Message, StringComparison.Ordinal);

        var longValue = new ModalBuilder("m", "Rate").AddTextInput(new TextInputBuilder("a", "A") { Value = new string('v', 4001) });
        Assert.Contains("Text input value is 4001", Assert.Throws<DiscordLimitException>(() => InteractionCallback.Modal(longValue)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Modals_are_written_with_label_components_or_legacy_action_rows()
    {
        var modal = new ModalBuilder("rate:603", "Rate it").AddTextInput(new TextInputBuilder("stars", "Stars (1-5)") { MaxLength = 3 });

        var labelForm = InteractionCallback.Modal(modal).ToJson().Data!.Components![0];
        modal.UseLegacyActionRows = true;
        var legacyForm = InteractionCallback.Modal(modal).ToJson().Data!.Components![0];

        Assert.Equal((18, "Stars (1-5)", "stars"), (labelForm.Type, labelForm.Label, labelForm.Component!.CustomId));
        Assert.Equal((1, "Stars (1-5)"), (legacyForm.Type, legacyForm.Components![0].Label));
    }

    [Fact]
    public void More_than_25_autocomplete_choices_or_long_names_are_rejected()
    {
        var many = Enumerable.Range(0, 26).Select(i => AutocompleteChoice.FromString("n" + i, "v"));
        Assert.Contains("Autocomplete choices: 26 given", Assert.Throws<DiscordLimitException>(() => InteractionCallback.Autocomplete(many)).Message, StringComparison.Ordinal);

        var mixed = new[] { AutocompleteChoice.FromString("a", "1"), AutocompleteChoice.FromInteger("b", 2) };
        Assert.Contains("mix strings and numbers", Assert.Throws<DiscordLimitException>(() => InteractionCallback.Autocomplete(mixed)).Message, StringComparison.Ordinal);

        var longName = new[] { AutocompleteChoice.FromString(new string('n', 101), "v") };
        Assert.Contains("choice 1 name is 101", Assert.Throws<DiscordLimitException>(() => InteractionCallback.Autocomplete(longName)).Message, StringComparison.Ordinal);
    }

    private static void AssertSelectRejected(StringSelectBuilder select, string expected)
        => Assert.Contains(expected, Assert.Throws<DiscordLimitException>(() => Send(new ActionRowBuilder().WithSelect(select))).Message, StringComparison.Ordinal);

    private static InteractionCallback Send(ActionRowBuilder row)
        => InteractionCallback.Message(new MessageProperties { Content = "x" }.AddActionRow(row));
}
