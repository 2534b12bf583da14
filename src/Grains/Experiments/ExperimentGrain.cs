using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Experiments;

/// <summary>
/// The operators' entry to experiments (the dashboard's buttons, a cluster client). The state is the
/// <c>experiments</c> table; after a change this silo re-reads it at once, the others within their refresh period.
/// </summary>
[GrainType("experiments")]
internal sealed class ExperimentGrain(ExperimentService experiments, RunningExperiments running) : Grain, IExperimentGrain
{
    public async Task<ExperimentView> StartAsync(ExperimentRequest request)
    {
        var view = await experiments.StartAsync(request);
        await running.RefreshNowAsync();
        return view;
    }

    public Task<IReadOnlyList<ExperimentView>> ListAsync() => experiments.ListAsync();

    public async Task<ExperimentView> PromoteAsync(int experimentId)
    {
        var view = await experiments.PromoteAsync(experimentId);
        await running.RefreshNowAsync();
        await GrainFactory.GetGrain<IModelRegistryGrain>(0).RefreshAsync();
        return view;
    }

    public async Task<ExperimentView> StopAsync(int experimentId)
    {
        var view = await experiments.StopAsync(experimentId);
        await running.RefreshNowAsync();
        return view;
    }
}
