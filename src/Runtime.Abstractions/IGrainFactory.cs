namespace CineSync.Runtime;

/// <summary>Creates references to grains. References are cheap; the grain activates on its first call.</summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with this key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey) where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with this key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey) where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain of interface <typeparamref name="TGrainInterface"/> with this key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey) where TGrainInterface : IGrainWithGuidKey;
}

/// <summary>
/// A connection from outside the cluster (the bot) to a silo gateway. Calls made while disconnected
/// fail at once with <see cref="SiloUnavailableException"/>; the client reconnects in the background.
/// </summary>
public interface IClusterClient : IGrainFactory, IAsyncDisposable
{
    /// <summary>Whether the client currently holds a gateway connection.</summary>
    bool IsConnected { get; }

    /// <summary>Connects to one of the configured gateways; throws <see cref="SiloUnavailableException"/> when none answers.</summary>
    Task Connect(CancellationToken cancellationToken = default);

    /// <summary>Fails outstanding calls, closes the connection and stops reconnecting.</summary>
    Task Close();
}
