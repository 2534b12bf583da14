using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace CineSync.Recommender.Evaluation;

/// <summary>Metrics of one model (or the ensemble) with its training time.</summary>
internal sealed record ModelEvaluation(string Model, double TrainSeconds, MetricSet Metrics);

/// <summary>Everything an evaluation run measured, serialisable as JSON.</summary>
internal sealed record EvaluationReport(
    string Dataset,
    string Split,
    string Relevance,
    int K,
    int TrainRatings,
    int TestRatings,
    IReadOnlyDictionary<string, string> Hyperparameters,
    IReadOnlyDictionary<string, float> EnsembleWeights,
    IReadOnlyList<ModelEvaluation> Models,
    IReadOnlyList<string> TuningLog,
    string Machine)
{
    /// <summary>What the given test split looks like (random, temporal or leave-last-out) and how much it holds out.</summary>
    public string DetectedTestSplit { get; init; } = string.Empty;

    /// <summary>How the validation split used for tuning was carved from the train ratings.</summary>
    public string ValidationProtocol { get; init; } = string.Empty;

    /// <summary>Weights for users with fewer ratings than each bound; <see cref="EnsembleWeights"/> serve everyone else.</summary>
    public IReadOnlyList<WeightBucket> EnsembleWeightBuckets { get; init; } = [];

    /// <summary>A fixed-width table, one row per model.</summary>
    public string ToTable()
    {
        var c = CultureInfo.InvariantCulture;
        var b = new StringBuilder();
        b.AppendLine(c, $"{Dataset} — {Split}, relevance: {Relevance}, K={K}, train {TrainRatings} / test {TestRatings} ratings");
        b.AppendLine(c, $"test split detected: {DetectedTestSplit}; validation protocol: {ValidationProtocol}");
        foreach (var bucket in EnsembleWeightBuckets)
        {
            b.AppendLine(c, $"weights below {bucket.RatingsBelow} ratings: {string.Join(", ", bucket.Weights.Where(p => p.Value != 0).Select(p => $"{p.Key}={p.Value}"))}");
        }

        b.AppendLine(c, $"weights{(EnsembleWeightBuckets.Count > 0 ? " (others)" : string.Empty)}: {string.Join(", ", EnsembleWeights.Where(p => p.Value != 0).Select(p => $"{p.Key}={p.Value}"))}");
        var sampled = Models.Any(m => m.Metrics.SampledHitRate is not null);
        b.Append(c, $"{"model",-9}{"users",6}{"NDCG",8}{"Recall",8}{"HR",8}{"MRR",8}{"Cov",7}{"ILD",7}{"Nov",7}");
        if (sampled) { b.Append(c, $"{"sHR",8}{"sNDCG",8}"); }
        b.AppendLine(c, $"{"train s",9}{"p50 µs",9}");
        foreach (var m in Models)
        {
            var x = m.Metrics;
            b.Append(c, $"{m.Model,-9}{x.Users,6}{x.Ndcg,8:F4}{x.Recall,8:F4}{x.HitRate,8:F4}{x.Mrr,8:F4}{x.Coverage,7:F3}{x.Diversity,7:F3}{x.Novelty,7:F2}");
            if (sampled) { b.Append(c, $"{x.SampledHitRate,8:F4}{x.SampledNdcg,8:F4}"); }
            b.AppendLine(c, $"{m.TrainSeconds,9:F2}{x.ScoringMicrosecondsP50,9:F0}");
        }

        return b.ToString();
    }
}

/// <summary>Ensemble weights of users with fewer than <paramref name="RatingsBelow"/> ratings (and not fewer than the previous bucket's bound).</summary>
/// <param name="RatingsBelow">Exclusive upper bound on the user's number of ratings.</param>
/// <param name="Weights">Weight per model.</param>
internal sealed record WeightBucket(int RatingsBelow, IReadOnlyDictionary<string, float> Weights);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EvaluationReport))]
[JsonSerializable(typeof(IReadOnlyList<EvaluationReport>))]
internal sealed partial class EvaluationJsonContext : JsonSerializerContext;
