using CineSync.Database.Hosting;
using CineSync.Grains.Training;
using CineSync.Recommender.Training;

namespace CineSync.Silo.Hosting;

/// <summary>
/// <c>dotnet run --project src/Silo -- train</c>: trains a model bundle on the corpus plus every Discord user's ratings,
/// stores it in <c>trained_models</c> as the current version and exits. Running silos switch to it at their next
/// model check (<c>ModelCheckPeriod</c>, 30 s by default) without failing calls. With <c>--candidate</c> the model is
/// stored without becoming current, to be compared with the current one in an experiment (<c>experiment start N</c>).
/// </summary>
internal static class TrainCommand
{
    public const string Verb = "train";

    private const string CandidateFlag = "--candidate";

    /// <summary>The configuration section of this command's training run (<c>--Training:Tune=false</c>).</summary>
    public const string TrainingSection = "Training";

    public static async Task<int> RunAsync(string[] args)
    {
        var candidate = args.Contains(CandidateFlag, StringComparer.Ordinal);
        var builder = Host.CreateApplicationBuilder([.. args.Where(a => a != CandidateFlag)]);
        builder.Services.AddCineSyncDatabase(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var connectionString = await host.Services.GetRequiredService<IDatabaseEndpoint>().GetConnectionStringAsync();
            // The Training section, over BundleTrainingOptions' defaults: a deliberate training run can afford tuning on a
            // validation split (Tune, default true); the silo's first model skips it (Grains:Training).
            var options = builder.Configuration.GetSection(TrainingSection).Get<BundleTrainingOptions>() ?? new BundleTrainingOptions();
            var loggers = host.Services.GetRequiredService<ILoggerFactory>();
            var stamp = candidate
                ? await ModelTrainer.TrainCandidateAsync(connectionString, options, loggers)
                : await ModelTrainer.TrainAndPublishAsync(connectionString, options, loggers);
            Console.WriteLine(candidate
                ? $"Stored model version {stamp.Version} ({stamp.Label}) as a candidate, not current. Try it on a share of users: experiment start {stamp.Version} --share 0.5"
                : $"Published model version {stamp.Version} ({stamp.Label}); running silos pick it up at their next model check.");
            var validation = builder.Configuration.GetSection(ModelValidationOptions.SectionName).Get<ModelValidationOptions>() ?? new ModelValidationOptions();
            if (stamp.Version > 0 && validation.Enabled)
            {
                var metrics = await ModelTrainer.ValidateAsync(connectionString, stamp.Version, options, validation, loggers);
                Console.WriteLine("Validation: " + string.Join(", ", metrics.Select(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Key} {m.Value:0.####}"))));
            }

            return 0;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
