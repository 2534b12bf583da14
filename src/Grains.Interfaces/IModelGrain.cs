namespace CineSync.Grains.Interfaces;

/// <summary>
/// A scoring worker (stateless, on silos with role <c>model</c>; use key 0). Holds the current model bundle and hot-swaps
/// to newer versions published in the registry without failing calls.
/// </summary>
[Alias("cinesync.ModelGrain")]
public interface IModelGrain : IGrainWithIntegerKey
{
    /// <summary>Personal top-k with filters and explanations.</summary>
    [Alias("RankAsync")]
    Task<PersonalRanking> RankAsync(PersonalRankingRequest request);

    /// <summary>The exact fold-in taste vector for these ratings.</summary>
    [Alias("FoldInAsync")]
    Task<TasteVector> FoldInAsync(IReadOnlyList<RatedMovie> ratings);

    /// <summary>Whether one title suits one user, and why (model shares, liked titles behind it, disliked ones it resembles).</summary>
    [Alias("ExplainAsync")]
    Task<TitleAssessment> ExplainAsync(TasteSnapshot taste, int movieId);

    /// <summary>Titles most similar to <paramref name="movieId"/>.</summary>
    [Alias("SimilarAsync")]
    Task<IReadOnlyList<SimilarScore>> SimilarAsync(int movieId, int count, TitleFilter? filter);

    /// <summary>A group ranking with a strategy; every member's predicted fit included.</summary>
    [Alias("RankGroupAsync")]
    Task<GroupRanking> RankGroupAsync(GroupRankingRequest request);

    /// <summary>What this worker scores with.</summary>
    [Alias("GetInfoAsync")]
    Task<ModelInfo> GetInfoAsync();
}
