using System.Text.Json;
using CineSync.Discord.Commands;
using CineSync.Discord.Interactions;
using CineSync.Discord.Interactions.Routing;
using CineSync.Discord.Rest;
using CineSync.Discord.Serialization;
using CineSync.Discord.Tests.Fixtures;

namespace CineSync.Discord.Tests.Interactions.Routing;

public sealed class InteractionRouterTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly DiscordRestClient _rest;
    private readonly RecordingResponder _responder = new();

    public InteractionRouterTests()
    {
        _rest = new DiscordRestClient(_http, new DiscordRestClientOptions { Token = "t" });
    }

    [Fact]
    public async Task Slash_commands_route_by_name_and_register_their_definition()
    {
        var router = new InteractionRouter().MapSlashCommand(
            new SlashCommandBuilder("watchparty", "Pick a movie").AddOption(CommandOptionBuilder.User("member1", "Who", required: true)),
            ctx => ctx.ReplyAsync($"Party with {ctx.Interaction.GetUser("member1")!.DisplayName}"));

        var routed = await router.DispatchAsync(Load("authored/interaction-watchparty-two-users.json"), _responder, _rest);

        Assert.True(routed);
        Assert.Equal("Party with Alice", _responder.Callbacks.Single().ToJson().Data!.Content);
        Assert.Equal("watchparty", router.CommandDefinitions.Single().Name);
    }

    [Fact]
    public async Task Components_and_modals_route_by_custom_id_prefix_with_their_arguments()
    {
        string? seen = null;
        var router = new InteractionRouter()
            .MapComponent("click_me", ctx => { seen = "button"; return ctx.DeferUpdateAsync(); })
            .MapModal("rate", ctx => { seen = $"modal {ctx.CustomId!.GetInt64(0)} {ctx.Interaction.GetValue("stars")}"; return ctx.ReplyAsync("Saved", ephemeral: true); });

        await router.DispatchAsync(Load("interactions/component-button-partial.json"), _responder, _rest);
        Assert.Equal("button", seen);
        await router.DispatchAsync(Load("authored/interaction-modal-submit-legacy-action-row-partial.json"), _responder, _rest);
        Assert.Equal("modal 603 4.5", seen);
        Assert.Equal([InteractionCallbackType.DeferredUpdateMessage, InteractionCallbackType.ChannelMessageWithSource], _responder.Callbacks.Select(c => c.Type));
    }

    [Fact]
    public async Task Autocomplete_goes_to_its_own_handler_not_the_command()
    {
        var router = new InteractionRouter()
            .MapCommand("airhorn", _ => throw new InvalidOperationException("the command handler must not see autocomplete"))
            .MapAutocomplete("airhorn", ctx => ctx.AutocompleteAsync([AutocompleteChoice.FromString(ctx.Interaction.FocusedText, "x")]));

        await router.DispatchAsync(Load("interactions/autocomplete.json"), _responder, _rest);

        Assert.Equal(InteractionCallbackType.ApplicationCommandAutocompleteResult, _responder.Callbacks.Single().Type);
    }

    [Fact]
    public async Task Answering_twice_is_refused()
    {
        var router = new InteractionRouter().MapComponent("click_me", async ctx =>
        {
            await ctx.DeferUpdateAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => ctx.DeferUpdateAsync().AsTask());
        });

        await router.DispatchAsync(Load("interactions/component-button-partial.json"), _responder, _rest);

        Assert.Single(_responder.Callbacks);
    }

    [Fact]
    public async Task Unrouted_interactions_reach_the_fallback()
    {
        var router = new InteractionRouter { Fallback = ctx => ctx.ReplyAsync("Unknown command", ephemeral: true) };

        var routed = await router.DispatchAsync(Load("interactions/application-command-slash.json"), _responder, _rest);

        Assert.False(routed);
        Assert.Equal(64, _responder.Callbacks.Single().ToJson().Data!.Flags);
    }

    public void Dispose() => _http.Dispose();

    private static Interaction Load(string fixture)
        => Interaction.Create(JsonSerializer.Deserialize(FixtureCatalog.Read(fixture), DiscordJsonContext.Default.JsonInteraction)!);

    private sealed class RecordingResponder : IInteractionResponder
    {
        public List<InteractionCallback> Callbacks { get; } = [];

        public ValueTask RespondAsync(Interaction interaction, InteractionCallback callback, CancellationToken cancellationToken)
        {
            Callbacks.Add(callback);
            return ValueTask.CompletedTask;
        }
    }
}
