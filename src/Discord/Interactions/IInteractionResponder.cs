namespace CineSync.Discord.Interactions;

/// <summary>
/// Delivers the first answer to an interaction: by REST for gateway interactions, in the HTTP
/// response for the HTTP interactions endpoint.
/// </summary>
public interface IInteractionResponder
{
    /// <summary>Sends the first answer to <paramref name="interaction"/>.</summary>
    ValueTask RespondAsync(Interaction interaction, InteractionCallback callback, CancellationToken cancellationToken);
}
