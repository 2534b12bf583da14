using CineSync.Recommender.Data;

namespace CineSync.Recommender.Evaluation;

/// <summary>Offline protocols with a validation part, such as random 70/10/20 per user, of which only train and test are kept.</summary>
internal static class ProtocolSplitter
{
    /// <summary>
    /// The test part is split off first, then the validation part from what is left, in the same way (seed + 1), and
    /// set aside, so models train on 1 − <paramref name="testFraction"/> − <paramref name="validationFraction"/> of
    /// each user's ratings.
    /// </summary>
    public static RatingsSplit SettingAsideValidation(IReadOnlyList<RatingRecord> ratings, SplitKind kind, double testFraction, double validationFraction, int seed = 42)
    {
        if (kind == SplitKind.LeaveLastOut || validationFraction <= 0 || testFraction + validationFraction >= 1)
        {
            throw new ArgumentException("A validation part needs a temporal or random split and must leave ratings to train on.", nameof(validationFraction));
        }

        var split = DataSplitter.Split(ratings, kind, testFraction, seed);
        return split with { Train = DataSplitter.Split(split.Train, kind, validationFraction / (1 - testFraction), seed + 1).Train };
    }
}
