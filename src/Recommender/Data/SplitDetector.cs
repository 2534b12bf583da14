namespace CineSync.Recommender.Data;

/// <summary>
/// Guesses how a given train/test pair was split so that validation data carved from train can mimic it:
/// one test rating per user → leave-last-out; test ratings (almost) always later than the user's train
/// ratings → temporal; otherwise random.
/// </summary>
public static class SplitDetector
{
    /// <summary>The split kind and test fraction that best describe <paramref name="split"/>.</summary>
    public static (SplitKind Kind, double TestFraction) Detect(RatingsSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var fraction = split.Test.Count == 0 ? 0.2 : (double)split.Test.Count / (split.Train.Count + split.Test.Count);
        if (split.Test.Count == 0 || split.Test.All(r => r.Timestamp == 0))
        {
            return (SplitKind.Random, fraction);
        }

        var latestTrain = new Dictionary<long, long>();
        foreach (var r in split.Train)
        {
            latestTrain[r.UserId] = Math.Max(r.Timestamp, latestTrain.GetValueOrDefault(r.UserId));
        }

        var perUser = split.Test.GroupBy(r => r.UserId).ToList();
        var later = split.Test.Count(r => r.Timestamp >= latestTrain.GetValueOrDefault(r.UserId));
        var temporal = later >= 0.95 * split.Test.Count;
        if (temporal && perUser.All(g => g.Count() == 1))
        {
            return (SplitKind.LeaveLastOut, fraction);
        }

        return (temporal ? SplitKind.Temporal : SplitKind.Random, fraction);
    }
}
