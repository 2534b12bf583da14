using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Diagnostics;

/// <summary>
/// Counts the silo's grain calls that end in an exception, in two kinds: refusals of bad input
/// (<see cref="RefusalException"/>: an unknown title, invalid stars, a vote from a non-member) and failures (anything
/// else). The dashboard shows them apart, so a few typos never read as an error rate.
/// </summary>
internal sealed class CallOutcomeFilter(RecommendationMetrics metrics) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await context.Invoke();
        }
        catch (RefusalException)
        {
            metrics.Refused();
            throw;
        }
        catch (Exception)
        {
            metrics.Failed();
            throw;
        }
    }
}
