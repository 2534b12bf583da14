namespace CineSync.Runtime.Metrics;

/// <summary>Calls and errors of one method of one grain type, aggregated in-process and published by observable counters.</summary>
internal sealed class MethodStats(string grainType, string method)
{
    public StripedCounter Calls { get; } = new();

    public StripedCounter Errors { get; } = new();

    public int SampleTick { get; set; } = -1;

    public int SamplesThisTick { get; set; }

    public KeyValuePair<string, object?>[] Tags { get; } =
    [
        new(RuntimeMetrics.GrainTypeTag, grainType),
        new(RuntimeMetrics.MethodTag, method),
    ];
}
