using CineSync.Runtime.Tests.Grains;

namespace CineSync.Runtime.Tests.Core;

public sealed class FilterTests
{
    [Fact]
    public async Task Silo_filters_then_the_grain_filter_run_around_every_call()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe, configure: s => s.AddIncomingGrainCallFilter<RecordingFilter>());

        Assert.Equal(5, await silo.Client.GetGrain<IFilteredGrain>(1).Add(2, 3));

        Assert.Equal(["before:IFilteredGrain.Add(2,3)", "grain-filter:Add", "after:5"], probe.Events.ToArray());
    }
}
