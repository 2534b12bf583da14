using CineSync.Database.Hosting;
using CineSync.Grains.Training;
using CineSync.Recommender.Training;

namespace CineSync.Silo.Hosting;

/// <summary>
/// <c>dotnet run --project src/Silo -- train</c>: trains a model bundle on the corpus plus every Discord user's ratings,
/// stores it in <c>trained_models</c> as the current version and exits. Running silos switch to it at their next
/// model check (<c>ModelCheckPeriod</c>, 30 s by default) without failing calls.
/// </summary>
internal static class TrainCommand
{
    public const string Verb = "train";

    /// <summary>The configuration section of this command's training run (<c>--Training:Tune=false</c>).</summary>
    public const string TrainingSection = "Training";

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddCineSyncDatabase(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var connectionString = await host.Services.GetRequiredService<IDatabaseEndpoint>().GetConnectionStringAsync();
            // The Training section, over BundleTrainingOptions' defaults: a deliberate training run can afford tuning on a
            // validation split (Tune, default true); the silo's first model skips it (Grains:Training).
            var options = builder.Configuration.GetSection(TrainingSection).Get<BundleTrainingOptions>() ?? new BundleTrainingOptions();
            var stamp = await ModelTrainer.TrainAndPublishAsync(connectionString, options, host.Services.GetRequiredService<ILoggerFactory>());
            Console.WriteLine($"Published model version {stamp.Version} ({stamp.Label}); running silos pick it up at their next model check.");
            return 0;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
