using CineSync.Grains.Interfaces;
using Orleans.Runtime;

namespace CineSync.Grains.Model;

/// <summary>
/// Turns "no silo can host a ModelGrain" into <see cref="ModelNotReadyException"/>, so a user whose cluster has no
/// <c>model</c> silo up reads "recommendations are warming up" instead of a fault. Placement reports it as a plain
/// <see cref="OrleansException"/> that only its message tells apart, hence the message test.
/// </summary>
internal sealed class ModelAvailabilityFilter : IOutgoingGrainCallFilter
{
    private const string NoCompatibleSilo = "No active nodes are compatible";

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod?.DeclaringType != typeof(IModelGrain))
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
        }
        catch (OrleansException e) when (e.GetType() == typeof(OrleansException) && e.Message.StartsWith(NoCompatibleSilo, StringComparison.Ordinal))
        {
            throw new ModelNotReadyException();
        }
    }
}
