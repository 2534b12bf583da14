using CineSync.Discord.Interactions;
using CineSync.Discord.Interactions.Routing;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CineSync.Discord.Hosting;

/// <summary>
/// Runs one interaction through the router in its own DI scope, for both the gateway and the HTTP
/// endpoint. A handler that throws before answering leaves the user an ephemeral apology instead
/// of Discord's "interaction failed".
/// </summary>
public sealed class InteractionDispatcher(
    InteractionRouter router,
    DiscordRestClient rest,
    IServiceScopeFactory scopes,
    IOptions<DiscordInteractionsOptions> options,
    ILogger<InteractionDispatcher>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <summary>Routes <paramref name="json"/> to its handler, which answers through <paramref name="responder"/>; a handler's failure is logged and answered, never thrown.</summary>
    public async Task DispatchAsync(JsonInteraction json, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var interaction = Interaction.Create(json);
        var tracking = new TrackingResponder(responder);
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                if (!await router.DispatchAsync(interaction, tracking, rest, scope.ServiceProvider, cancellationToken).ConfigureAwait(false))
                {
                    HostingLog.Unrouted(_logger, interaction.Id, interaction.Type.ToString(), Describe(interaction));
                    if (!tracking.Responded && Unavailable(interaction) is { } answer)
                    {
                        await tracking.RespondAsync(interaction, answer, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                HostingLog.HandlerFailed(_logger, interaction.Id, interaction.Type.ToString(), Describe(interaction), ex);
                if (!tracking.Responded && interaction is not AutocompleteInteraction)
                {
                    await ApologiseAsync(interaction, tracking, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The answer to an interaction nothing handles: every kind gets one, never silence.</summary>
    private InteractionCallback? Unavailable(Interaction interaction) => interaction switch
    {
        AutocompleteInteraction => InteractionCallback.Autocomplete([]),
        ApplicationCommandInteraction => InteractionCallback.Message(options.Value.UnknownCommandMessage, ephemeral: true),
        ComponentInteraction or ModalSubmitInteraction => InteractionCallback.Message(options.Value.UnknownComponentMessage, ephemeral: true),
        _ => null,
    };

    private async Task ApologiseAsync(Interaction interaction, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        try
        {
            await responder.RespondAsync(interaction, InteractionCallback.Message(options.Value.ErrorMessage, ephemeral: true), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DiscordRestException or HttpRequestException or InvalidOperationException)
        {
            HostingLog.HandlerFailed(_logger, interaction.Id, interaction.Type.ToString(), "apology", ex);
        }
    }

    private static string Describe(Interaction interaction) => interaction switch
    {
        ApplicationCommandInteraction c => c.CommandName,
        ComponentInteraction c => CustomId.Parse(c.CustomId).Prefix,
        ModalSubmitInteraction m => CustomId.Parse(m.CustomId).Prefix,
        _ => "",
    };

    /// <summary>Remembers whether the handler answered, so a failure after answering is not answered twice.</summary>
    private sealed class TrackingResponder(IInteractionResponder inner) : IInteractionResponder
    {
        private volatile bool _responded;

        public bool Responded => _responded;

        public async ValueTask RespondAsync(Interaction interaction, InteractionCallback callback, CancellationToken cancellationToken)
        {
            _responded = true;
            await inner.RespondAsync(interaction, callback, cancellationToken).ConfigureAwait(false);
        }
    }
}
