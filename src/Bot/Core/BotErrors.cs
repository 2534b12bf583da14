using CineSync.Grains.Interfaces;
using Orleans.Runtime;

namespace CineSync.Bot.Core;

/// <summary>Turns failures into sentences a user can act on.</summary>
internal static class BotErrors
{
    /// <summary>The user-facing message, and what kind of failure it is.</summary>
    public static (string Message, FailureKind Kind) Describe(Exception exception) => exception switch
    {
        // The grains write these messages for users ("I don't know a movie called 'Matirx' — did you mean …?").
        RefusalException or UserInputException => (exception.Message, FailureKind.Refusal),

        // PostgreSQL is down or restarting: nothing was saved, and the same request works again in a moment. A user
        // whose state could not be loaded at activation gets it wrapped by Orleans ("Error from storage provider …").
        StorageUnavailableException or OrleansException { InnerException: StorageUnavailableException } =>
            ((exception as StorageUnavailableException ?? (StorageUnavailableException)exception.InnerException!).Message, FailureKind.Transient),

        // A silo went away with the call, or none is reachable: the grain answers again once the cluster has noticed.
        SiloUnavailableException or OrleansMessageRejectionException or Orleans.Runtime.Messaging.ConnectionFailedException =>
            ("CineSync's servers are restarting; try again in a few seconds.", FailureKind.Transient),
        TimeoutException => ("That took too long on my side. Please try again in a moment.", FailureKind.Transient),
        _ => ("Sorry, something went wrong on my side. Please try again in a moment.", FailureKind.Fault),
    };
}
