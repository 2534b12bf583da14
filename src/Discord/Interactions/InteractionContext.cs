using CineSync.Discord.Interactions.Routing;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;
using CineSync.Discord.Rest;

namespace CineSync.Discord.Interactions;

/// <summary>
/// What a handler gets: the interaction, its parsed custom_id, and ways to answer. The first
/// answer (reply, defer, update, modal, autocomplete) goes exactly once; follow-ups and edits after.
/// </summary>
public class InteractionContext
{
    private readonly IInteractionResponder _responder;
    private int _responded;

    internal InteractionContext(Interaction interaction, IInteractionResponder responder, DiscordRestClient rest, IServiceProvider? services, CancellationToken cancellationToken)
    {
        Interaction = interaction;
        _responder = responder;
        Rest = rest;
        Services = services;
        CancellationToken = cancellationToken;
        CustomId = interaction switch
        {
            ComponentInteraction c => Routing.CustomId.Parse(c.CustomId),
            ModalSubmitInteraction m => Routing.CustomId.Parse(m.CustomId),
            _ => null,
        };
    }

    /// <summary>The interaction being handled.</summary>
    public Interaction Interaction { get; }

    /// <summary>The parsed custom_id of a component or modal interaction.</summary>
    public CustomId? CustomId { get; }

    /// <summary>The REST client, for follow-ups and edits.</summary>
    public DiscordRestClient Rest { get; }
    /// <summary>The host's services, when the interaction came through a host.</summary>
    public IServiceProvider? Services { get; }
    /// <summary>Cancelled when the host stops.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the first answer was sent.</summary>
    public bool HasResponded => Volatile.Read(ref _responded) != 0;

    /// <summary>Sends the first answer; a second call throws.</summary>
    public async ValueTask RespondAsync(InteractionCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (Interlocked.Exchange(ref _responded, 1) != 0)
        {
            throw new InvalidOperationException("This interaction was already answered; use a follow-up or edit the response.");
        }

        await _responder.RespondAsync(Interaction, callback, CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Answers with a message of <paramref name="content"/>, seen only by the user when <paramref name="ephemeral"/>.</summary>
    public ValueTask ReplyAsync(string content, bool ephemeral = false) => RespondAsync(InteractionCallback.Message(content, ephemeral));
    /// <summary>Answers with <paramref name="message"/>.</summary>
    public ValueTask ReplyAsync(MessageProperties message) => RespondAsync(InteractionCallback.Message(message));
    /// <summary>Answers with "thinking…"; the message follows with <see cref="EditResponseAsync"/>.</summary>
    public ValueTask DeferAsync(bool ephemeral = false) => RespondAsync(InteractionCallback.DeferredMessage(ephemeral));
    /// <summary>Acknowledges a component without changing its message yet.</summary>
    public ValueTask DeferUpdateAsync() => RespondAsync(InteractionCallback.DeferredUpdateMessage());
    /// <summary>Answers by editing the message the component is on.</summary>
    public ValueTask UpdateMessageAsync(MessageProperties message) => RespondAsync(InteractionCallback.UpdateMessage(message));
    /// <summary>Answers with a form.</summary>
    public ValueTask ShowModalAsync(ModalBuilder modal) => RespondAsync(InteractionCallback.Modal(modal));
    /// <summary>Answers an autocomplete with <paramref name="choices"/>.</summary>
    public ValueTask AutocompleteAsync(IEnumerable<AutocompleteChoice> choices) => RespondAsync(InteractionCallback.Autocomplete(choices));

    /// <summary>Sends another message after the answer.</summary>
    public Task<JsonMessage?> FollowupAsync(MessageProperties message)
        => Rest.CreateFollowupMessageAsync(Interaction.ApplicationId, Interaction.Token, message, CancellationToken);

    /// <summary>Replaces the answer (after "thinking…", the message itself).</summary>
    public Task<JsonMessage?> EditResponseAsync(MessageProperties message)
        => Rest.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, CancellationToken);

    /// <summary>Deletes the answer.</summary>
    public Task DeleteResponseAsync()
        => Rest.DeleteOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, CancellationToken);
}

/// <summary>A context whose interaction has a known type.</summary>
public sealed class InteractionContext<TInteraction> : InteractionContext
    where TInteraction : Interaction
{
    internal InteractionContext(TInteraction interaction, IInteractionResponder responder, DiscordRestClient rest, IServiceProvider? services, CancellationToken cancellationToken)
        : base(interaction, responder, rest, services, cancellationToken)
    {
        Interaction = interaction;
    }

    /// <summary>The interaction being handled, as its own type.</summary>
    public new TInteraction Interaction { get; }
}
