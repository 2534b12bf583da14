using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CineSync.Bot.Core;

/// <summary>
/// The one core both front ends call: finds the handler, runs it, and turns any failure into a human, ephemeral
/// reply (never a stack trace, never "interaction failed").
/// </summary>
internal sealed partial class BotEngine(BotRegistry registry, IServiceProvider services, ILogger<BotEngine> logger)
{
    public BotRegistry Registry => registry;

    public async Task<BotReply> RunCommandAsync(string name, CommandInput input, CancellationToken cancellationToken)
    {
        if (registry.FindCommand(name) is not { } registration)
        {
            return BotReply.Private($"I don't know the command /{Rendering.Text.Truncate(name, 40)}. Try /help.");
        }

        try
        {
            var handler = (IBotCommand)services.GetRequiredService(registration.HandlerType);
            return await handler.ExecuteAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Fail("/" + name, exception);
        }
    }

    public async Task<IReadOnlyList<Suggestion>> SuggestAsync(string name, CommandInput input, string option, string text, CancellationToken cancellationToken)
    {
        if (registry.FindCommand(name) is not { } registration
            || services.GetRequiredService(registration.HandlerType) is not IAutocompleteCommand handler)
        {
            return [];
        }

        try
        {
            return await handler.SuggestAsync(input, option, text, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An empty list is the kindest autocomplete answer to a failure: the user can still type the title.
            LogFailed(logger, "autocomplete /" + name, exception);
            return [];
        }
    }

    public async Task<BotReply> PressAsync(ComponentInput input, CancellationToken cancellationToken)
    {
        if (registry.FindComponent(input.CustomId.Prefix) is not { } registration)
        {
            return BotReply.Private("That button no longer does anything. Run the command again.");
        }

        try
        {
            var handler = (IComponentHandler)services.GetRequiredService(registration.HandlerType);
            return await handler.HandleAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Fail("button " + input.CustomId.Prefix, exception);
        }
    }

    public async Task<BotReply> SubmitAsync(ModalInput input, CancellationToken cancellationToken)
    {
        if (registry.FindModal(input.CustomId.Prefix) is not { } registration)
        {
            return BotReply.Private("That form has expired. Run the command again.");
        }

        try
        {
            var handler = (IModalHandler)services.GetRequiredService(registration.HandlerType);
            return await handler.SubmitAsync(input, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return Fail("form " + input.CustomId.Prefix, exception);
        }
    }

    private BotReply Fail(string what, Exception exception)
    {
        var (message, kind) = BotErrors.Describe(exception);
        switch (kind)
        {
            case FailureKind.Refusal:
                LogRefused(logger, what, exception.Message);
                break;
            case FailureKind.Transient:
                LogUnavailable(logger, what, exception.Message);
                break;
            default:
                LogFailed(logger, what, exception);
                break;
        }

        return BotReply.Private(message);
    }

    [LoggerMessage(1, LogLevel.Debug, "{What} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string what, string reason);

    [LoggerMessage(3, LogLevel.Warning, "{What} could not reach the cluster: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string what, string reason);

    [LoggerMessage(2, LogLevel.Error, "{What} failed")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
