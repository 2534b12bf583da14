namespace CineSync.Runtime.Core;

internal enum ActivationState : byte
{
    Created,
    Activating,
    Valid,
    Deactivating,
    Invalid,
}
