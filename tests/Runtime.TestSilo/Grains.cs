namespace CineSync.Runtime.TestSiloApp;

/// <summary>Tells grains which silo process they run in.</summary>
public sealed record SiloIdentity(string Name);

/// <summary>Persisted list of appended values.</summary>
public sealed class AckJournalState
{
    public List<int> Values { get; set; } = [];
}

/// <summary>A journal whose appends are acknowledged only once persisted.</summary>
public interface IAckJournalGrain : IGrainWithIntegerKey
{
    Task<string> Where();

    Task Append(int value);

    Task<int[]> Saved();
}

/// <summary>A stateful grain restricted to silos with role <c>model</c>.</summary>
public interface IModelPinnedGrain : IGrainWithIntegerKey
{
    Task<string> Where();
}

/// <summary>The callee of the cross-silo bench (lives on role <c>back</c>).</summary>
public interface IBackPingGrain : IGrainWithIntegerKey
{
    ValueTask<int> Ping(int value);

    Task<string> Where();
}

/// <summary>The caller of the cross-silo bench (lives on role <c>front</c>).</summary>
public interface IFrontLoadGrain : IGrainWithIntegerKey
{
    /// <summary>Calls <see cref="IBackPingGrain"/>s in a closed loop; returns calls made and latency percentiles.</summary>
    Task<LoadResult> Run(int milliseconds, int concurrency);
}

/// <summary>The outcome of a load run.</summary>
public sealed record LoadResult(long Calls, double Seconds, double P50Microseconds, double P99Microseconds, string Silo, string CalleeSilo);

[GrainType("ack-journal")]
internal sealed class AckJournalGrain(SiloIdentity silo, [PersistentState("journal")] IPersistentState<AckJournalState> journal) : Grain, IAckJournalGrain
{
    public Task<string> Where() => Task.FromResult(silo.Name);

    public async Task Append(int value)
    {
        journal.State.Values.Add(value);
        await journal.WriteStateAsync();
    }

    public Task<int[]> Saved() => Task.FromResult(journal.State.Values.ToArray());
}

[GrainType("model-pinned")]
[RequiredRole("model")]
internal sealed class ModelPinnedGrain(SiloIdentity silo) : Grain, IModelPinnedGrain
{
    public Task<string> Where() => Task.FromResult(silo.Name);
}

[GrainType("back-ping")]
[RequiredRole("back")]
[Reentrant]
internal sealed class BackPingGrain(SiloIdentity silo) : Grain, IBackPingGrain
{
    public ValueTask<int> Ping(int value) => ValueTask.FromResult(value + 1);

    public Task<string> Where() => Task.FromResult(silo.Name);
}
