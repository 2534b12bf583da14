namespace CineSync.Runtime.Tests.Grains;

public sealed record Note(string Title, int Stars, IReadOnlyList<string> Tags);

public interface ICounterGrain : IGrainWithIntegerKey
{
    Task Increment();

    Task<int> Get();

    Task<int> IncrementAndSave();

    Task<int> GetSaved();

    Task Deactivate();
}

public interface IEchoGrain : IGrainWithStringKey
{
    ValueTask<string> Echo(string text);

    Task<Note> Describe(Note note, float[] weights, Guid id, DateTimeOffset at, int? maybe);

    Task Fail(string message);

    Task<int> WaitForGate();

    ValueTask Ping();
}

public interface IGatedGrain : IGrainWithIntegerKey
{
    Task<int> Enter();

    [ReadOnly]
    Task<int> Read();

    Task<int> Write();

    [AlwaysInterleave]
    Task<string> Status();
}

public interface IReentrantGrain : IGrainWithIntegerKey
{
    Task<int> Enter();
}

public interface IChainGrain : IGrainWithIntegerKey
{
    Task<string> CallOther(long otherKey);

    Task<string> CallBack(long originKey);

    Task<string> Name();
}

public interface IFailingActivationGrain : IGrainWithGuidKey
{
    Task<string> Hello();
}

public interface IWorkerGrain : IGrainWithIntegerKey
{
    Task<int> Work();
}

public interface ITimerGrain : IGrainWithIntegerKey
{
    Task Start(TimeSpan period);

    Task<int> Ticks();

    Task Stop();
}

public interface IFilteredGrain : IGrainWithIntegerKey
{
    Task<int> Add(int a, int b);
}

public interface IModelOnlyGrain : IGrainWithIntegerKey
{
    Task<double> Score();
}
