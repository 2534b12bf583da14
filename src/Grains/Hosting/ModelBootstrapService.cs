using CineSync.Grains.Training;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Hosting;

/// <summary>
/// At silo start, trains and publishes a first model when none is stored (a fresh install after the corpus import),
/// in the background so the silo serves the catalogue meanwhile, then validates it (see <see cref="ModelValidationOptions"/>).
/// When the corpus is still empty it retries.
/// </summary>
internal sealed partial class ModelBootstrapService(ModelTrainer trainer, IOptions<CineSyncGrainsOptions> options, IOptions<ModelValidationOptions> validation, TimeProvider time, ILogger<ModelBootstrapService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.TrainWhenNoModel)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await trainer.HasModelAsync(stoppingToken).ConfigureAwait(false))
                {
                    return;
                }

                var published = await trainer.TrainAndPublishAsync(options.Value.Training, stoppingToken).ConfigureAwait(false);
                if (published.Version > 0)
                {
                    // Served already; its offline quality (for the dashboard) follows from a twin trained without the newest ratings.
                    if (validation.Value.Enabled)
                    {
                        await trainer.ValidateAsync(published.Version, options.Value.Training, validation.Value, stoppingToken).ConfigureAwait(false);
                    }

                    return;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Training the first model failed; retrying")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
