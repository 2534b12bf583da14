namespace CineSync.Grains.Hosting;

/// <summary>The grain storage the CineSync grains persist their state in; the silo registers it under this name.</summary>
public static class CineSyncGrainStorage
{
    /// <summary>The storage provider's name.</summary>
    public const string Name = "Default";
}
