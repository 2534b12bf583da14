namespace CineSync.Runtime.Tests.Cluster;

/// <summary>Tells a grain which silo it runs on (registered per silo by the tests).</summary>
public sealed record SiloTag(string Name);

public sealed class JournalState
{
    public List<int> Values { get; set; } = [];
}

public interface IJournalGrain : IGrainWithIntegerKey
{
    Task<string> Where();

    /// <summary>Appends and persists; returns once the value is stored.</summary>
    Task Append(int value);

    Task<int[]> Saved();
}

public interface IModelJournalGrain : IGrainWithIntegerKey
{
    Task<string> Where();
}

public interface IModelWorkerGrain : IGrainWithIntegerKey
{
    Task<string> Where();
}

[GrainType("journal")]
public sealed class JournalGrain(SiloTag silo, [PersistentState("journal")] IPersistentState<JournalState> journal) : Grain, IJournalGrain
{
    public Task<string> Where() => Task.FromResult(silo.Name);

    public async Task Append(int value)
    {
        journal.State.Values.Add(value);
        await journal.WriteStateAsync();
    }

    public Task<int[]> Saved() => Task.FromResult(journal.State.Values.ToArray());
}

[GrainType("model-journal")]
[RequiredRole("model")]
public sealed class ModelJournalGrain(SiloTag silo) : Grain, IModelJournalGrain
{
    public Task<string> Where() => Task.FromResult(silo.Name);
}

[RequiredRole("model")]
[StatelessWorker(2)]
public sealed class ModelWorkerGrain(SiloTag silo) : Grain, IModelWorkerGrain
{
    public Task<string> Where() => Task.FromResult(silo.Name);
}
