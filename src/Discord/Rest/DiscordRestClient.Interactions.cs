using System.Globalization;
using CineSync.Discord.Interactions;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Rest;

public sealed partial class DiscordRestClient
{
    /// <summary>POST /interactions/{id}/{token}/callback: the first answer to an interaction (within 3 s).</summary>
    public async Task CreateInteractionResponseAsync(ulong interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var id = interactionId.ToString(CultureInfo.InvariantCulture);
        var route = new RestRoute(
            HttpMethod.Post,
            "interactions/{interaction.id}/{interaction.token}/callback",
            $"interactions/{id}/{RestRoute.Escape(interactionToken)}/callback",
            "interaction:" + id,
            ExemptFromGlobal: true);
        var body = callback.ToJson();
        await SendAsync<JsonMessage>(route, () => RestContent.Create(body, DiscordJsonContext.Default.JsonInteractionResponse, callback.Attachments), null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>PATCH /webhooks/{app}/{token}/messages/@original: edits the first answer (after a defer, for example).</summary>
    public Task<JsonMessage?> EditOriginalResponseAsync(ulong applicationId, string interactionToken, MessageProperties message, CancellationToken cancellationToken = default)
        => SendMessageAsync(HttpMethod.Patch, WebhookRoute(HttpMethod.Patch, applicationId, interactionToken, "/messages/@original", "/messages/@original"), message, cancellationToken);

    /// <summary>DELETE /webhooks/{app}/{token}/messages/@original.</summary>
    public Task DeleteOriginalResponseAsync(ulong applicationId, string interactionToken, CancellationToken cancellationToken = default)
        => SendAsync<JsonMessage>(WebhookRoute(HttpMethod.Delete, applicationId, interactionToken, "/messages/@original", "/messages/@original"), null, null, cancellationToken);

    /// <summary>POST /webhooks/{app}/{token}: a follow-up message.</summary>
    public Task<JsonMessage?> CreateFollowupMessageAsync(ulong applicationId, string interactionToken, MessageProperties message, CancellationToken cancellationToken = default)
        => SendMessageAsync(HttpMethod.Post, WebhookRoute(HttpMethod.Post, applicationId, interactionToken, "", ""), message, cancellationToken);

    /// <summary>PATCH /webhooks/{app}/{token}/messages/{message}: edits a follow-up.</summary>
    public Task<JsonMessage?> EditFollowupMessageAsync(ulong applicationId, string interactionToken, ulong messageId, MessageProperties message, CancellationToken cancellationToken = default)
        => SendMessageAsync(HttpMethod.Patch, WebhookRoute(HttpMethod.Patch, applicationId, interactionToken, "/messages/{message.id}", "/messages/" + messageId.ToString(CultureInfo.InvariantCulture)), message, cancellationToken);

    /// <summary>DELETE /webhooks/{app}/{token}/messages/{message}.</summary>
    public Task DeleteFollowupMessageAsync(ulong applicationId, string interactionToken, ulong messageId, CancellationToken cancellationToken = default)
        => SendAsync<JsonMessage>(WebhookRoute(HttpMethod.Delete, applicationId, interactionToken, "/messages/{message.id}", "/messages/" + messageId.ToString(CultureInfo.InvariantCulture)), null, null, cancellationToken);

    private Task<JsonMessage?> SendMessageAsync(HttpMethod method, RestRoute route, MessageProperties message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = message.ToJson(method == HttpMethod.Patch);
        FileAttachment[] files = [.. message.Attachments];
        return SendAsync(route, () => RestContent.Create(body, DiscordJsonContext.Default.JsonMessagePayload, files), DiscordJsonContext.Default.JsonMessage, cancellationToken);
    }

    private static RestRoute WebhookRoute(HttpMethod method, ulong applicationId, string token, string templateSuffix, string pathSuffix)
    {
        var app = applicationId.ToString(CultureInfo.InvariantCulture);
        return new RestRoute(
            method,
            "webhooks/{application.id}/{interaction.token}" + templateSuffix,
            $"webhooks/{app}/{RestRoute.Escape(token)}{pathSuffix}",
            "webhook:" + app + "/" + token,
            // Interaction webhooks are not bound to the global limit.
            ExemptFromGlobal: true);
    }
}
