using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Recommender.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Model;

/// <summary>A loaded engine and the registry version it came from.</summary>
internal sealed record LoadedModel(ModelVersionStamp Stamp, RecommenderEngine Engine);

/// <summary>
/// The silo's current engine, shared by its ModelGrain workers (one bundle in memory, however many workers). Every
/// <see cref="CineSyncGrainsOptions.ModelCheckPeriod"/> a call triggers a background check with the registry; a newer
/// version is loaded beside the old one and swapped in by one reference write, so no call ever waits for or fails on a swap.
/// </summary>
internal sealed partial class ModelHolder(ModelStore store, IGrainFactory grains, TimeProvider time, IOptions<CineSyncGrainsOptions> options, ILogger<ModelHolder> logger) : IDisposable
{
    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private LoadedModel? _current;
    private long _lastCheck;
    private int _checking;

    /// <summary>Releases the load gate (the silo's container disposes this singleton).</summary>
    public void Dispose() => _loadGate.Dispose();

    /// <summary>The model loaded now, without loading one or asking the registry; null before the first load.</summary>
    public LoadedModel? Current => Volatile.Read(ref _current);

    /// <summary>The current model; waits for the first load, throws <see cref="ModelNotReadyException"/> when none is trained.</summary>
    public ValueTask<LoadedModel> GetAsync()
    {
        var current = Volatile.Read(ref _current);
        if (current is null)
        {
            return new ValueTask<LoadedModel>(LoadCurrentAsync());
        }

        if (time.GetElapsedTime(Volatile.Read(ref _lastCheck)) >= options.Value.ModelCheckPeriod && Interlocked.Exchange(ref _checking, 1) == 0)
        {
            Volatile.Write(ref _lastCheck, time.GetTimestamp());
            _ = Task.Run(CheckForNewerAsync);
        }

        return ValueTask.FromResult(current);
    }

    /// <summary>Asks the registry now and swaps to its version if it differs; returns the model in use afterwards.</summary>
    public async Task<LoadedModel> RefreshNowAsync()
    {
        var stamp = await grains.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync().ConfigureAwait(false);
        return await SwapToAsync(stamp).ConfigureAwait(false) ?? throw new ModelNotReadyException();
    }

    private async Task<LoadedModel> LoadCurrentAsync()
    {
        Volatile.Write(ref _lastCheck, time.GetTimestamp());
        return await RefreshNowAsync().ConfigureAwait(false);
    }

    private async Task CheckForNewerAsync()
    {
        try
        {
            await RefreshNowAsync().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Keep scoring with the model we have; the next period tries again.
            LogCheckFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _checking, 0);
        }
    }

    private async Task<LoadedModel?> SwapToAsync(ModelVersionStamp stamp)
    {
        if (stamp.Version == 0)
        {
            return Volatile.Read(ref _current);
        }

        if (Volatile.Read(ref _current) is { } current && current.Stamp.Version == stamp.Version)
        {
            return current;
        }

        await _loadGate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _current) is { } loaded && loaded.Stamp.Version == stamp.Version)
            {
                return loaded;
            }

            var bundle = await store.LoadAsync(stamp.Version).ConfigureAwait(false);
            var model = new LoadedModel(stamp, new RecommenderEngine(bundle));
            Volatile.Write(ref _current, model);
            LogSwapped(logger, stamp.Version, stamp.Label, bundle.ItemCount);
            return model;
        }
        finally
        {
            _loadGate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scoring with trained model version {Version} ({Label}, {Items} titles)")]
    private static partial void LogSwapped(ILogger logger, int version, string label, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the model registry for a newer model failed")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
