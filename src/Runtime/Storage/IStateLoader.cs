namespace CineSync.Runtime.Storage;

/// <summary>A persistent state the activation reads before <see cref="Grain.OnActivateAsync"/>.</summary>
internal interface IStateLoader
{
    Task ReadStateAsync(CancellationToken cancellationToken);
}
