namespace CineSync.Grains.Interfaces;

/// <summary>Quick feedback on a recommended title (the 👍 / 👎 / ⭐ buttons).</summary>
[GenerateSerializer, Alias("cinesync.FeedbackKind")]
public enum FeedbackKind
{
    /// <summary>👍 — good recommendation.</summary>
    Like,

    /// <summary>👎 — bad recommendation; the title is not shown again.</summary>
    Dislike,

    /// <summary>Not interested; the title is not shown again.</summary>
    NotInterested,

    /// <summary>Already watched; the title is not shown again.</summary>
    Watched,
}

/// <summary>One of a user's ratings.</summary>
/// <param name="MovieId">The title.</param>
/// <param name="Stars">Half stars, 0.5–5.0.</param>
/// <param name="RatedAtUnix">When it was rated (Unix seconds).</param>
[GenerateSerializer, Immutable, Alias("cinesync.RatedMovie")]
public readonly record struct RatedMovie([property: Id(0)] int MovieId, [property: Id(1)] float Stars, [property: Id(2)] long RatedAtUnix);

/// <summary>What a rating (or its removal) changed, returned once it is committed.</summary>
/// <param name="Title">The rated title.</param>
/// <param name="Stars">The stored rating; null after a removal.</param>
/// <param name="PreviousStars">The rating it replaced, if any.</param>
/// <param name="RatingCount">The user's ratings now.</param>
/// <param name="Personal">Whether recommendations are personal now (at least <see cref="TasteRules.PersonalAfter"/> ratings).</param>
/// <param name="RatingsUntilPersonal">Ratings still needed before recommendations become personal (0 when personal).</param>
/// <param name="BecamePersonal">True when this rating is the one that made recommendations personal.</param>
[GenerateSerializer, Immutable, Alias("cinesync.RatingReceipt")]
public sealed record RatingReceipt([property: Id(0)] TitleInfo Title, [property: Id(1)] float? Stars, [property: Id(2)] float? PreviousStars, [property: Id(3)] int RatingCount, [property: Id(4)] bool Personal, [property: Id(5)] int RatingsUntilPersonal, [property: Id(6)] bool BecamePersonal);

/// <summary>Titles to rate first, for a user without enough ratings (the quick-rate flow).</summary>
/// <param name="RatingCount">Ratings so far.</param>
/// <param name="RatingsUntilPersonal">Ratings still needed.</param>
/// <param name="FavouriteGenres">Genres the user chose, if any.</param>
/// <param name="Titles">Popular, varied titles the user has not rated.</param>
[GenerateSerializer, Immutable, Alias("cinesync.OnboardingPrompt")]
public sealed record OnboardingPrompt([property: Id(0)] int RatingCount, [property: Id(1)] int RatingsUntilPersonal, [property: Id(2)] IReadOnlyList<string> FavouriteGenres, [property: Id(3)] IReadOnlyList<TitleInfo> Titles);

/// <summary>Rules shared by the grains and the bot.</summary>
public static class TasteRules
{
    /// <summary>Recommendations become personal at this many ratings.</summary>
    public const int PersonalAfter = 5;

    /// <summary>Most titles one recommendation request returns.</summary>
    public const int MaxRecommendations = 25;

    /// <summary>Whether <paramref name="stars"/> is a valid rating: a half star from 0.5 to 5.</summary>
    public static bool IsValidStars(float stars) =>
        float.IsFinite(stars) && stars >= 0.5f && stars <= 5f && MathF.Abs((stars * 2f) - MathF.Round(stars * 2f)) < 1e-4f;
}

/// <summary>What a delete-my-data removed.</summary>
/// <param name="Ratings">Rating rows deleted.</param>
/// <param name="Feedback">Feedback rows deleted.</param>
/// <param name="StateRows">Grain state rows deleted.</param>
/// <param name="ShownLists">Rows of recommendation lists shown to the user (online metrics) deleted, with their outcomes.</param>
[GenerateSerializer, Immutable, Alias("cinesync.DeletionReceipt")]
public sealed record DeletionReceipt([property: Id(0)] int Ratings, [property: Id(1)] int Feedback, [property: Id(2)] int StateRows, [property: Id(3)] int ShownLists = 0);
