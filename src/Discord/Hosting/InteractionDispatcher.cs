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
/// endpoint. A handler that throws before answering leaves the user an ephemeral apology, and a command or button no
/// handler knows an ephemeral "no longer works", instead of Discord's "interaction failed". Interactions nobody could
/// have sent (<see cref="InteractionShape"/>) are logged and dropped.
/// </summary>
public sealed class InteractionDispatcher(
    InteractionRouter router,
    DiscordRestClient rest,
    IServiceScopeFactory scopes,
    IOptions<DiscordInteractionsOptions> options,
    ILogger<InteractionDispatcher>? logger = null)
{
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public async Task DispatchAsync(JsonInteraction json, IInteractionResponder responder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (InteractionShape.Problem(json) is { } problem)
        {
            // Nobody could act on it (and there may be no token to answer with): the HTTP endpoint answers 400 instead.
            HostingLog.Malformed(_logger, json.Id, problem);
            return;
        }

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
                    if (!tracking.Responded && interaction is ApplicationCommandInteraction and not AutocompleteInteraction or ComponentInteraction or ModalSubmitInteraction)
                    {
                        await ReplyPrivatelyAsync(interaction, tracking, options.Value.UnknownMessage, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                HostingLog.HandlerFailed(_logger, interaction.Id, interaction.Type.ToString(), Describe(interaction), ex);
                if (!tracking.Responded && interaction is not AutocompleteInteraction)
                {
                    await ReplyPrivatelyAsync(interaction, tracking, options.Value.ErrorMessage, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task ReplyPrivatelyAsync(Interaction interaction, IInteractionResponder responder, string message, CancellationToken cancellationToken)
    {
        try
        {
            await responder.RespondAsync(interaction, InteractionCallback.Message(message, ephemeral: true), cancellationToken).ConfigureAwait(false);
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
