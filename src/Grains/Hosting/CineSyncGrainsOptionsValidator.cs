using Microsoft.Extensions.Options;

namespace CineSync.Grains.Hosting;

/// <summary>Checks <see cref="CineSyncGrainsOptions"/> when the silo starts, naming each setting to change and its value.</summary>
internal sealed class CineSyncGrainsOptionsValidator : IValidateOptions<CineSyncGrainsOptions>
{
    public ValidateOptionsResult Validate(string? name, CineSyncGrainsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string section = CineSyncGrainsOptions.SectionName;
        var failures = new List<string>();
        if (options.MaxRatingBatch < 1)
        {
            failures.Add($"{section}:MaxRatingBatch must be at least 1 (was {options.MaxRatingBatch}).");
        }

        if (options.ModelCheckPeriod <= TimeSpan.Zero)
        {
            failures.Add($"{section}:ModelCheckPeriod must be positive (was {options.ModelCheckPeriod}).");
        }

        if (options.TrendingCacheAge < TimeSpan.Zero)
        {
            failures.Add($"{section}:TrendingCacheAge must not be negative (was {options.TrendingCacheAge}).");
        }

        var training = options.Training;
        if (training is null)
        {
            failures.Add($"{section}:Training must not be empty.");
        }
        else
        {
            if (training.Factors < 1 || training.Iterations < 1 || training.EaseHeadSize < 1)
            {
                failures.Add($"{section}:Training:Factors, Iterations and EaseHeadSize must be at least 1 (were {training.Factors}, {training.Iterations}, {training.EaseHeadSize}).");
            }

            if (training.MaxParallelism is 0 or < -1)
            {
                failures.Add($"{section}:Training:MaxParallelism must be -1 (every core) or at least 1 (was {training.MaxParallelism}).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
