using CineSync.Runtime;

namespace CineSync.Runtime.Bench;

public interface IPingGrain : IGrainWithIntegerKey
{
    ValueTask Ping();
}

public sealed class PingGrain : Grain, IPingGrain
{
    public ValueTask Ping() => ValueTask.CompletedTask;
}

public interface IHolderGrain : IGrainWithIntegerKey
{
    ValueTask Touch();
}

/// <summary>An activation holding 64 floats (a small taste vector), for the activation cost and memory bench.</summary>
public sealed class HolderGrain : Grain, IHolderGrain
{
    private readonly float[] _vector = new float[64];

    public ValueTask Touch()
    {
        _vector[0]++;
        return ValueTask.CompletedTask;
    }
}
