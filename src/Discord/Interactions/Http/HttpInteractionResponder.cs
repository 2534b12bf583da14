namespace CineSync.Discord.Interactions.Http;

/// <summary>Hands the first answer back to the HTTP request that carried the interaction.</summary>
internal sealed class HttpInteractionResponder : IInteractionResponder
{
    private readonly TaskCompletionSource<InteractionCallback> _callback = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<InteractionCallback> Callback => _callback.Task;

    public ValueTask RespondAsync(Interaction interaction, InteractionCallback callback, CancellationToken cancellationToken)
    {
        return _callback.TrySetResult(callback)
            ? ValueTask.CompletedTask
            : throw new InvalidOperationException("This interaction was already answered.");
    }
}
