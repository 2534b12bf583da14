namespace CineSync.Recommender.Evaluation;

/// <summary>How a model is evaluated.</summary>
/// <param name="K">Cut-off of the top-K metrics (default 10).</param>
/// <param name="RelevanceThreshold">Test ratings at or above this are relevant; null makes every test item relevant.</param>
/// <param name="Sampled">Also run the NCF sampled protocol (each relevant test item ranked against sampled negatives).</param>
/// <param name="SampledNegatives">Negatives per positive in the sampled protocol (default 99).</param>
/// <param name="Seed">Seed of the negative sampling.</param>
/// <param name="MaxUsers">Evaluate at most this many users (evenly spaced, deterministic); 0 = all.</param>
/// <param name="Objective">What tuning maximises on the validation split.</param>
/// <param name="UnsampledUsers">
/// Evaluate the users that <paramref name="MaxUsers"/> leaves out instead (none when it leaves none out): tuning
/// learns the blend on users whose held-out items did not choose the hyperparameters.
/// </param>
internal sealed record EvaluationOptions(int K = 10, float? RelevanceThreshold = null, bool Sampled = false, int SampledNegatives = 99, int Seed = 42, int MaxUsers = 0, TuningObjective Objective = TuningObjective.Ndcg, bool UnsampledUsers = false);

/// <summary>The validation metric tuning maximises.</summary>
internal enum TuningObjective
{
    /// <summary>Full-ranking NDCG@K.</summary>
    Ndcg,

    /// <summary>NDCG@K of the sampled (NCF) protocol.</summary>
    SampledNdcg,
}

/// <summary>Metrics averaged over evaluated users (users with at least one relevant test item and a training history).</summary>
internal sealed record MetricSet(
    int Users,
    double Recall,
    double Ndcg,
    double HitRate,
    double Mrr,
    double Coverage,
    double Diversity,
    double Novelty,
    double? SampledHitRate,
    double? SampledNdcg,
    double ScoringMicrosecondsP50);
