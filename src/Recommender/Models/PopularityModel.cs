using CineSync.Recommender.Data;

namespace CineSync.Recommender.Models;

/// <summary>
/// Popularity with exponential time decay: each rating counts 2^(-age/halfLife), age measured from the latest rating
/// in the training data. Without timestamps it is the plain rating count.
/// </summary>
internal sealed class PopularityModel : IScoringModel
{
    public PopularityModel(float[] scores) => Scores = scores;

    public string Name => "pop";

    /// <summary>Decayed popularity per item.</summary>
    public float[] Scores { get; }

    public static PopularityModel Fit(TrainingData data, double halfLifeDays)
    {
        ArgumentNullException.ThrowIfNull(data);
        var matrix = data.ItemUsers;
        long latest = 0;
        foreach (var t in matrix.Timestamps)
        {
            latest = Math.Max(latest, t);
        }

        var scores = new float[data.ItemCount];
        var halfLifeSeconds = halfLifeDays * 86400.0;
        for (var item = 0; item < matrix.Rows; item++)
        {
            double sum = 0;
            foreach (var t in matrix.RowTimestamps(item))
            {
                sum += t <= 0 || halfLifeSeconds <= 0 ? 1.0 : Math.Pow(2, -(latest - t) / halfLifeSeconds);
            }

            scores[item] = (float)sum;
        }

        return new PopularityModel(scores);
    }

    public void Score(UserProfile user, Span<float> scores) => Scores.AsSpan().CopyTo(scores);

    public void Explain(UserProfile user, int item, Span<float> contributions) => contributions.Clear();
}
