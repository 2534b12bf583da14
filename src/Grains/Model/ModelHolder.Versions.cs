using CineSync.Grains.Interfaces;
using CineSync.Recommender.Engine;
using Microsoft.Extensions.Logging;

namespace CineSync.Grains.Model;

/// <content>
/// Versions other than the current one, for experiment arms: loaded on first use beside the current engine, at most
/// <see cref="MaxOtherVersions"/> at a time (an experiment needs one: its control or its candidate is usually current).
/// </content>
internal sealed partial class ModelHolder
{
    /// <summary>Most non-current versions kept loaded.</summary>
    public const int MaxOtherVersions = 2;

    private readonly Lock _versionsLock = new();
    private readonly Dictionary<int, Task<LoadedModel>> _versions = [];

    /// <summary>The model of trained version <paramref name="version"/>; the current one for 0 or when it is current.</summary>
    public async ValueTask<LoadedModel> GetVersionAsync(int version)
    {
        var current = await GetAsync().ConfigureAwait(false);
        if (version <= 0 || current.Stamp.Version == version)
        {
            if (version > 0)
            {
                // A promoted candidate is current now: its copy beside the current one is no longer needed.
                lock (_versionsLock)
                {
                    _versions.Remove(version);
                }
            }

            return current;
        }

        Task<LoadedModel>? load;
        lock (_versionsLock)
        {
            if (!_versions.TryGetValue(version, out load))
            {
                if (_versions.Count >= MaxOtherVersions)
                {
                    _versions.Remove(_versions.Keys.Min());
                }

                load = LoadVersionAsync(version);
                _versions[version] = load;
            }
        }

        try
        {
            return await load.ConfigureAwait(false);
        }
        catch
        {
            // A failed load (the database was unreachable) is not remembered: the next call tries again.
            lock (_versionsLock)
            {
                if (_versions.TryGetValue(version, out var failed) && failed == load)
                {
                    _versions.Remove(version);
                }
            }

            throw;
        }
    }

    private async Task<LoadedModel> LoadVersionAsync(int version)
    {
        var bundle = await store.LoadAsync(version).ConfigureAwait(false);
        var model = new LoadedModel(new ModelVersionStamp(version, bundle.Version, bundle.CreatedAt), new RecommenderEngine(bundle));
        LogLoadedBeside(logger, version, bundle.Version);
        return model;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded trained model version {Version} ({Label}) beside the current one, for an experiment arm")]
    private static partial void LogLoadedBeside(ILogger logger, int version, string label);
}
