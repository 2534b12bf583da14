using System.ComponentModel;

namespace CineSync.Runtime.Invocation;

/// <summary>What generated grain factories use to build constructor arguments.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainActivationContext
{
    /// <summary>A service from the silo's container; throws when missing.</summary>
    object GetRequiredService(Type serviceType);

    /// <summary>The persistent state named <paramref name="stateName"/> in the storage <paramref name="storageName"/>.</summary>
    IPersistentState<TState> GetPersistentState<TState>(string stateName, string storageName);
}
