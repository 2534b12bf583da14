using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>The interaction webhook: follow-ups and edits of @original or a follow-up, valid for 15 minutes.</summary>
internal sealed partial class RestHandlers
{
    private RestResult PostFollowUp(RestRequest request)
    {
        if (Webhook(request, out var interaction) is { } refusal)
        {
            return refusal;
        }

        var data = request.BodyObject;
        if (MessageWrites.IsEmpty(data, request.Files))
        {
            return MessageWrites.EmptyMessage();
        }

        EmulatedMessage message;
        lock (_state.Sync)
        {
            if (interaction.AwaitingDeferredReply && interaction.OriginalMessageId is { } original && _state.Messages.TryGetValue(original, out var placeholder)
                && !placeholder.IsDeleted)
            {
                // Discord: after a deferred reply (type 5) the first follow-up fills the "thinking…" message; once the bot
                // has deleted that placeholder (to answer privately instead), a follow-up is a new message.
                interaction.AwaitingDeferredReply = false;
                message = MessageWrites.Edit(_state, placeholder, data, request.Files);
            }
            else
            {
                message = MessageWrites.Create(_state, interaction.Channel, data, request.Files, interaction.Id, followUp: true);
                interaction.FollowUpIds.Add(message.Id);
            }

            _state.Store(message);
        }

        return RestResult.Ok(message.ToJson());
    }

    private RestResult GetWebhookMessage(RestRequest request) =>
        OnWebhookMessage(request, (_, message) => RestResult.Ok(message.ToJson()));

    private RestResult PatchWebhookMessage(RestRequest request) =>
        OnWebhookMessage(request, (interaction, message) =>
        {
            if (message.Id == interaction.OriginalMessageId)
            {
                interaction.AwaitingDeferredReply = false;
            }

            return StoreEdit(request, message);
        });

    private RestResult DeleteWebhookMessage(RestRequest request) =>
        OnWebhookMessage(request, (_, message) => StoreDeletion(message));

    /// <summary>Runs <paramref name="action"/> on the addressed message of a live interaction webhook, under the state lock.</summary>
    private RestResult OnWebhookMessage(RestRequest request, Func<InteractionRecord, EmulatedMessage, RestResult> action)
    {
        if (Webhook(request, out var interaction) is { } refusal)
        {
            return refusal;
        }

        lock (_state.Sync)
        {
            return WebhookMessage(request, interaction) is { } message ? action(interaction, message) : DiscordErrors.UnknownMessage();
        }
    }

    /// <summary>Null when the webhook id and token name a live, acknowledged interaction; else Discord's refusal.</summary>
    private RestResult? Webhook(RestRequest request, out InteractionRecord interaction)
    {
        interaction = null!;
        if (!IsOurApplication(request, "webhook_id") || !_state.InteractionsByToken.TryGetValue(request["webhook_token"], out var found))
        {
            return DiscordErrors.UnknownWebhook();
        }

        interaction = found;
        if (_state.Time.GetUtcNow() - found.DispatchedAt > _state.Options.InteractionTokenLifetime)
        {
            return DiscordErrors.InvalidWebhookToken();
        }

        // Before the initial response the interaction webhook does not exist yet.
        return found.Callback is null ? DiscordErrors.UnknownWebhook() : null;
    }

    private EmulatedMessage? WebhookMessage(RestRequest request, InteractionRecord interaction)
    {
        var id = request.Parameters.TryGetValue("message_id", out var text) ? ParseId(text) : interaction.OriginalMessageId;
        var belongs = id is { } value && (value == interaction.OriginalMessageId || interaction.FollowUpIds.Contains(value));
        return belongs && _state.Messages.TryGetValue(id!.Value, out var message) && !message.IsDeleted ? message : null;
    }
}
