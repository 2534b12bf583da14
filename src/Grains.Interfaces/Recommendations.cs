namespace CineSync.Grains.Interfaces;

/// <summary>What <c>/recommend</c> asks for.</summary>
/// <param name="Count">How many titles (1–25).</param>
/// <param name="Genre">Only titles of this genre (e.g. "Thriller"), when set.</param>
/// <param name="Decade">Only titles released in this decade (e.g. 1990 for 1990–1999), when set.</param>
[GenerateSerializer, Immutable, Alias("cinesync.RecommendationQuery")]
public sealed record RecommendationQuery([property: Id(0)] int Count = 10, [property: Id(1)] string? Genre = null, [property: Id(2)] int? Decade = null);

/// <summary>A rated title cited as a reason.</summary>
/// <param name="MovieId">The user's rated title.</param>
/// <param name="Title">Its display title ("Se7en (1995)").</param>
/// <param name="Stars">The user's rating of it.</param>
/// <param name="Share">Its share of the reasons, in (0, 1].</param>
[GenerateSerializer, Immutable, Alias("cinesync.RatedReason")]
public sealed record RatedReason([property: Id(0)] int MovieId, [property: Id(1)] string Title, [property: Id(2)] float Stars, [property: Id(3)] float Share);

/// <summary>One recommended title.</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">Blended ensemble score (relative; higher is better).</param>
/// <param name="ModelContributions">Each model's share of the score by model name ("als", "knn", "ease", "content", "pop").</param>
/// <param name="TopModel">The model that contributed most; pass it back with feedback.</param>
/// <param name="Explanation">One line: why this title.</param>
/// <param name="Because">The user's rated titles that contributed most.</param>
[GenerateSerializer, Immutable, Alias("cinesync.RecommendedTitle")]
public sealed record RecommendedTitle([property: Id(0)] TitleInfo Title, [property: Id(1)] float Score, [property: Id(2)] IReadOnlyDictionary<string, float> ModelContributions, [property: Id(3)] string TopModel, [property: Id(4)] string Explanation, [property: Id(5)] IReadOnlyList<RatedReason> Because);

/// <summary>Recommendations for one user.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Personal">False while the user has fewer than <see cref="TasteRules.PersonalAfter"/> ratings ("not personal yet").</param>
/// <param name="RatingsUntilPersonal">Ratings still needed before results become personal.</param>
/// <param name="ModelVersion">The model bundle that ranked them.</param>
[GenerateSerializer, Immutable, Alias("cinesync.RecommendationList")]
public sealed record RecommendationList([property: Id(0)] IReadOnlyList<RecommendedTitle> Items, [property: Id(1)] bool Personal, [property: Id(2)] int RatingsUntilPersonal, [property: Id(3)] string ModelVersion);

/// <summary>Why a title suits (or does not suit) the user (<c>/why</c>).</summary>
/// <param name="Title">The title.</param>
/// <param name="Personal">Whether the user has enough ratings for a personal explanation.</param>
/// <param name="YourStars">The user's own rating of it, if rated.</param>
/// <param name="Score">The user's ensemble score for it.</param>
/// <param name="ModelContributions">Shares of the models pushing toward <paramref name="Fit"/>, by model name, adding up to 1.</param>
/// <param name="Because">Titles the user rated highly that lead to it.</param>
/// <param name="Text">A human explanation.</param>
/// <param name="Fit">Whether it suits the user.</param>
/// <param name="Resembles">Titles the user rated low that it resembles.</param>
[GenerateSerializer, Immutable, Alias("cinesync.TitleExplanation")]
public sealed record TitleExplanation(
    [property: Id(0)] TitleInfo Title,
    [property: Id(1)] bool Personal,
    [property: Id(2)] float? YourStars,
    [property: Id(3)] float Score,
    [property: Id(4)] IReadOnlyDictionary<string, float> ModelContributions,
    [property: Id(5)] IReadOnlyList<RatedReason> Because,
    [property: Id(6)] string Text,
    [property: Id(7)] TitleFit Fit = TitleFit.Unknown,
    [property: Id(8)] IReadOnlyList<RatedReason>? Resembles = null);

/// <summary>A title similar to another (<c>/similar</c>).</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">Similarity (relative).</param>
/// <param name="YourStars">The user's rating of it, if rated.</param>
[GenerateSerializer, Immutable, Alias("cinesync.SimilarTitle")]
public sealed record SimilarTitle([property: Id(0)] TitleInfo Title, [property: Id(1)] float Score, [property: Id(2)] float? YourStars);
