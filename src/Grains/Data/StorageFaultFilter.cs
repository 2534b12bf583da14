using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Data;

/// <summary>
/// Orleans wraps every grain-storage failure in a plain <see cref="OrleansException"/> ("Error from storage provider
/// …"); this hands the caller the <see cref="StorageUnavailableException"/> inside it (see
/// <see cref="StorageFaultTranslation"/>), so a feedback or preference that was not saved reads "try again in a moment".
/// </summary>
internal sealed class StorageFaultFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (OrleansException e) when (e.InnerException is StorageUnavailableException unavailable)
        {
            throw new StorageUnavailableException(unavailable.Message);
        }
    }
}
