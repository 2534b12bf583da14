namespace CineSync.Recommender.Models;

/// <summary>A trained model that scores every catalogue item for one user.</summary>
internal interface IScoringModel
{
    /// <summary>Short stable name ("pop", "knn", "als", "ease", "content").</summary>
    string Name { get; }

    /// <summary>Writes a score for every item (length = item count); higher is better. Must not allocate per item.</summary>
    void Score(UserProfile user, Span<float> scores);

    /// <summary>
    /// Writes, for each rated item of <paramref name="user"/>, its additive contribution to the raw score of
    /// <paramref name="item"/> (length = user.Count). Models without a per-item decomposition write zeros.
    /// </summary>
    void Explain(UserProfile user, int item, Span<float> contributions);
}
