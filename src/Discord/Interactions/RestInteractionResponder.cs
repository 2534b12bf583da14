using CineSync.Discord.Rest;

namespace CineSync.Discord.Interactions;

/// <summary>Answers through POST /interactions/{id}/{token}/callback.</summary>
public sealed class RestInteractionResponder(DiscordRestClient rest) : IInteractionResponder
{
    /// <summary>Sends the answer through Discord's interaction callback endpoint.</summary>
    public async ValueTask RespondAsync(Interaction interaction, InteractionCallback callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        await rest.CreateInteractionResponseAsync(interaction.Id, interaction.Token, callback, cancellationToken).ConfigureAwait(false);
    }
}
