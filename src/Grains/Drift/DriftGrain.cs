using CineSync.Grains.Interfaces;
using Orleans.Concurrency;

namespace CineSync.Grains.Drift;

/// <summary>Answers with the calling silo's own drift report (a stateless worker activates where it is called).</summary>
[StatelessWorker(1)]
[GrainType("drift")]
internal sealed class DriftGrain(DriftMonitor monitor) : Grain, IDriftGrain
{
    public Task<DriftReport> GetAsync() => monitor.GetLatestAsync();
}
