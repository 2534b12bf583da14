using CineSync.Dashboard.Access;
using CineSync.Dashboard.Api;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans;

namespace CineSync.Dashboard.Quality;

/// <summary>
/// Gathers the model-quality view from the grains in parallel, each part within
/// <see cref="DashboardOptions.QualityTimeout"/>; a part that fails or is late is left out with its reason.
/// </summary>
internal sealed partial class QualityReader(IGrainFactory grains, DashboardAccessPolicy policy, IOptions<DashboardOptions> options, TimeProvider time, ILogger<QualityReader> logger)
{
    public async Task<QualityView> ReadAsync(CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var model = Part("model", () => grains.GetGrain<IModelQualityGrain>(0).GetCurrentAsync(), errors, cancellationToken);
        var online = Part("online", () => grains.GetGrain<IOnlineMetricsGrain>(0).GetAsync(), errors, cancellationToken);
        var experiments = Part("experiments", () => grains.GetGrain<IExperimentGrain>(0).ListAsync(), errors, cancellationToken);
        var drift = Part("drift", () => grains.GetGrain<IDriftGrain>(0).GetAsync(), errors, cancellationToken);
        var retraining = Part("retraining", () => grains.GetGrain<IRetrainingGrain>(0).GetRecentRunsAsync(), errors, cancellationToken);
        await Task.WhenAll(model, online, experiments, drift, retraining).ConfigureAwait(false);
        return new QualityView(
            time.GetUtcNow(),
            await model.ConfigureAwait(false),
            await online.ConfigureAwait(false),
            await experiments.ConfigureAwait(false),
            await drift.ConfigureAwait(false),
            await retraining.ConfigureAwait(false),
            policy.RequiresToken,
            errors);
    }

    private async Task<T?> Part<T>(string name, Func<Task<T>> read, Dictionary<string, string> errors, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await read().WaitAsync(options.Value.QualityTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (errors)
            {
                errors[name] = $"no answer within {options.Value.QualityTimeout.TotalSeconds:0.#} s";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPartFailed(logger, name, ex);
            lock (errors)
            {
                errors[name] = ex.Message.Split('\n', 2)[0].Trim();
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard could not read its {Part} figures")]
    private static partial void LogPartFailed(ILogger logger, string part, Exception exception);
}
