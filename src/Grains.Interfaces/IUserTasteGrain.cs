using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>
/// One Discord user's taste: ratings, feedback, taste vector, stats and per-user ensemble weights. Keyed by the
/// Discord user id. Every method acts on the key's own data only — the bot calls the grain keyed by the
/// interaction's user, so no user can read or delete another's data.
/// </summary>
[Alias("cinesync.UserTasteGrain")]
public interface IUserTasteGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Rates a title (or changes its rating). Returns once the rating is committed in PostgreSQL.
    /// Throws <see cref="UnknownMovieException"/> or <see cref="InvalidRatingException"/> and changes nothing when invalid.
    /// </summary>
    [Alias("RateAsync")]
    Task<RatingReceipt> RateAsync(int movieId, float stars);

    /// <summary>Removes a rating (committed before returning); a title not rated is a no-op.</summary>
    [Alias("RemoveRatingAsync")]
    Task<RatingReceipt> RemoveRatingAsync(int movieId);

    /// <summary>
    /// Records 👍 / 👎 / not interested / watched on a title (appended to the feedback table) and credits the models that
    /// recommended it; anything but 👍 hides the title from later results.
    /// </summary>
    /// <param name="movieId">The title.</param>
    /// <param name="kind">The feedback.</param>
    /// <param name="model">The model the bot showed as top model, when known.</param>
    [Alias("FeedbackAsync")]
    Task FeedbackAsync(int movieId, FeedbackKind kind, string? model);

    /// <summary>Recommendations: personal from <see cref="TasteRules.PersonalAfter"/> ratings, popular (within favourite genres) before, labelled so.</summary>
    [ReadOnly]
    [Alias("GetRecommendationsAsync")]
    Task<RecommendationList> GetRecommendationsAsync(RecommendationQuery query);

    /// <summary>Popular, varied titles the user has not rated (within favourite genres when chosen), for the quick-rate flow.</summary>
    [ReadOnly]
    [Alias("GetOnboardingAsync")]
    Task<OnboardingPrompt> GetOnboardingAsync(int count);

    /// <summary>Sets the genres a new user likes; they seed cold-start recommendations and onboarding.</summary>
    [Alias("SetFavouriteGenresAsync")]
    Task<OnboardingPrompt> SetFavouriteGenresAsync(IReadOnlyList<string> genres);

    /// <summary>The user's taste profile.</summary>
    [ReadOnly]
    [Alias("GetStatsAsync")]
    Task<TasteStats> GetStatsAsync();

    /// <summary>Why the title would (or would not) be recommended to this user.</summary>
    [ReadOnly]
    [Alias("ExplainAsync")]
    Task<TitleExplanation> ExplainAsync(int movieId);

    /// <summary>Titles similar to <paramref name="movieId"/>, with the user's own ratings of them.</summary>
    [ReadOnly]
    [Alias("GetSimilarAsync")]
    Task<IReadOnlyList<SimilarTitle>> GetSimilarAsync(int movieId, int count);

    /// <summary>Everything stored about the user, as indented JSON.</summary>
    [ReadOnly]
    [Alias("ExportAsync")]
    Task<string> ExportAsync();

    /// <summary>Deletes every row about the user in every table and the grain state; the grain is fresh afterwards.</summary>
    [Alias("DeleteAllAsync")]
    Task<DeletionReceipt> DeleteAllAsync();

    /// <summary>The user's taste for group recommendations.</summary>
    [ReadOnly]
    [Alias("GetTasteSnapshotAsync")]
    Task<TasteSnapshot> GetTasteSnapshotAsync();
}
