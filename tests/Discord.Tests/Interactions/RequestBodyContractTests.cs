using System.Text;
using System.Text.Json;
using CineSync.Discord.Commands;
using CineSync.Discord.Emulator.OpenApi;
using CineSync.Discord.Interactions;
using CineSync.Discord.Messages;
using CineSync.Discord.Serialization;
using CineSync.Testing;

namespace CineSync.Discord.Tests.Interactions;

/// <summary>What the builders produce validates against Discord's OpenAPI spec (through the emulator's validator).</summary>
public sealed class RequestBodyContractTests
{
    private const string CallbackPath = "/api/v10/interactions/1300000000000000001/A_UNIQUE_TOKEN/callback";
    private const string WebhookPath = "/api/v10/webhooks/1200000000000000000/A_UNIQUE_TOKEN";
    private static readonly Lazy<OpenApiContract> Contract = new(() => OpenApiContract.Load(SharedPaths.DiscordOpenApiSpec));

    public static TheoryData<string> CallbackKinds() => ["reply", "ephemeral", "deferred", "deferred-ephemeral", "deferred-update", "update", "autocomplete", "modal", "legacy-modal", "pong"];

    [Theory]
    [MemberData(nameof(CallbackKinds))]
    public void Every_kind_of_interaction_callback_matches_the_spec(string kind)
    {
        var callback = kind switch
        {
            "reply" => InteractionCallback.Message(RichMessage()),
            "ephemeral" => InteractionCallback.Message("Only you can see this", ephemeral: true),
            "deferred" => InteractionCallback.DeferredMessage(),
            "deferred-ephemeral" => InteractionCallback.DeferredMessage(ephemeral: true),
            "deferred-update" => InteractionCallback.DeferredUpdateMessage(),
            "update" => InteractionCallback.UpdateMessage(RichMessage()),
            "autocomplete" => InteractionCallback.Autocomplete([AutocompleteChoice.FromString("The Matrix (1999)", "2571"), AutocompleteChoice.FromString("Heat (1995)", "6")]),
            "modal" => InteractionCallback.Modal(Modal()),
            "legacy-modal" => InteractionCallback.Modal(Modal(legacy: true)),
            _ => InteractionCallback.Pong(),
        };

        var body = JsonSerializer.Serialize(callback.ToJson(), DiscordJsonContext.Default.JsonInteractionResponse);

        AssertValid("POST", CallbackPath, body);
    }

    [Fact]
    public void Follow_ups_and_edits_match_the_spec()
    {
        AssertValid("POST", WebhookPath, JsonSerializer.Serialize(RichMessage().ToJson(), DiscordJsonContext.Default.JsonMessagePayload));
        AssertValid("PATCH", WebhookPath + "/messages/@original", JsonSerializer.Serialize(RichMessage().ToJson(isEdit: true), DiscordJsonContext.Default.JsonMessagePayload));
    }

    [Fact]
    public void Command_definitions_match_the_bulk_overwrite_schema()
    {
        var commands = new[]
        {
            new SlashCommandBuilder("recommend", "Movie picks for you")
                .AddOption(CommandOptionBuilder.Integer("count", "How many", min: 1, max: 10))
                .AddOption(CommandOptionBuilder.String("genre", "Genre", autocomplete: true))
                .AddOption(CommandOptionBuilder.String("decade", "Decade").AddChoice("1990s", "1990").AddChoice("2000s", "2000"))
                .Build(),
            new SlashCommandBuilder("watch_party", "Pick a movie together")
                .AddOption(CommandOptionBuilder.User("friend", "Who joins", required: true))
                .AddOption(CommandOptionBuilder.Number("min_rating", "Lowest rating", min: 0.5, max: 5))
                .AddOption(CommandOptionBuilder.Boolean("public", "Show everyone"))
                .Build(),
            new SlashCommandBuilder("party", "Party tools").AddOption(CommandOptionBuilder.SubCommand("vote", "Vote", CommandOptionBuilder.Integer("pick", "Pick", required: true))).Build(),
        };

        AssertValid("PUT", "/api/v10/applications/1200000000000000000/commands", JsonSerializer.Serialize(commands, DiscordJsonContext.Default.JsonApplicationCommandArray));
    }

    private static MessageProperties RichMessage() => new MessageProperties { Content = "Tonight: **Dune**" }
        .AddEmbed(new EmbedBuilder { Color = 0x5865F2, Timestamp = DateTimeOffset.UnixEpoch }.WithTitle("Dune (2021)").WithDescription("Because you liked Arrival").AddField("Score", "4.6", inline: true).WithFooter("CineSync"))
        .AddActionRow(new ActionRowBuilder()
            .AddButton(ButtonBuilder.Create("fb:up:438631", null, ButtonStyle.Success, "👍"))
            .AddButton(ButtonBuilder.Create("fb:down:438631", "Not for me", ButtonStyle.Danger))
            .AddButton(ButtonBuilder.Link("https://www.themoviedb.org/movie/438631", "TMDB")))
        .AddActionRow(new ActionRowBuilder().WithSelect(new StringSelectBuilder("genre") { Placeholder = "Genre" }.AddOption("Drama", "drama", "Serious stuff", "🎭")))
        .AddActionRow(new ActionRowBuilder().WithSelect(new UserSelectBuilder("invite") { MaxValues = 5 }));

    private static ModalBuilder Modal(bool legacy = false) => new ModalBuilder("rate:603", "Rate The Matrix") { UseLegacyActionRows = legacy }
        .AddTextInput(new TextInputBuilder("stars", "Stars (0.5-5)") { MaxLength = 3, Placeholder = "4.5" })
        .AddTextInput(new TextInputBuilder("review", "Review", TextInputStyle.Paragraph) { Required = false, Description = legacy ? null : "Optional" });

    private static void AssertValid(string method, string path, string body)
    {
        var violations = Contract.Value.ValidateRequest(method, path, body);
        Assert.True(violations.Count == 0, $"{method} {path}: {string.Join("; ", violations)}\n{body}");
    }
}
