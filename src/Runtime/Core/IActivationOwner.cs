using CineSync.Runtime.Invocation;

namespace CineSync.Runtime.Core;

/// <summary>Holds activations (the catalog, or a stateless worker group).</summary>
internal interface IActivationOwner
{
    /// <summary>The activation finished deactivating: forget it.</summary>
    void OnDeactivated(Activation activation);

    /// <summary>A call reached an activation that is gone: send it to the grain's current activation.</summary>
    void Redispatch(Invokable call);
}
