namespace CineSync.Grains.Interfaces;

/// <summary>What <c>/recommend</c> asks for.</summary>
/// <param name="Count">How many titles (1–25).</param>
/// <param name="Genre">Only titles of this genre (e.g. "Thriller"), when set.</param>
/// <param name="Decade">Only titles released in this decade (e.g. 1990 for 1990–1999), when set.</param>
public sealed record RecommendationQuery(int Count = 10, string? Genre = null, int? Decade = null);

/// <summary>A rated title cited as a reason.</summary>
/// <param name="MovieId">The user's rated title.</param>
/// <param name="Title">Its display title ("Se7en (1995)").</param>
/// <param name="Stars">The user's rating of it.</param>
/// <param name="Share">Its share of the reasons, in (0, 1].</param>
public sealed record RatedReason(int MovieId, string Title, float Stars, float Share);

/// <summary>One recommended title.</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">Blended ensemble score (relative; higher is better).</param>
/// <param name="ModelContributions">Each model's share of the score by model name ("als", "knn", "ease", "content", "pop").</param>
/// <param name="TopModel">The model that contributed most; pass it back with feedback.</param>
/// <param name="Explanation">One line: why this title.</param>
/// <param name="Because">The user's rated titles that contributed most.</param>
public sealed record RecommendedTitle(TitleInfo Title, float Score, IReadOnlyDictionary<string, float> ModelContributions, string TopModel, string Explanation, IReadOnlyList<RatedReason> Because);

/// <summary>Recommendations for one user.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Personal">False while the user has fewer than <see cref="TasteRules.PersonalAfter"/> ratings ("not personal yet").</param>
/// <param name="RatingsUntilPersonal">Ratings still needed before results become personal.</param>
/// <param name="ModelVersion">The model bundle that ranked them.</param>
public sealed record RecommendationList(IReadOnlyList<RecommendedTitle> Items, bool Personal, int RatingsUntilPersonal, string ModelVersion);

/// <summary>Why a title suits (or does not suit) the user (<c>/why</c>).</summary>
/// <param name="Title">The title.</param>
/// <param name="Personal">Whether the user has enough ratings for a personal explanation.</param>
/// <param name="YourStars">The user's own rating of it, if rated.</param>
/// <param name="Score">The user's ensemble score for it.</param>
/// <param name="ModelContributions">Each model's share of the score.</param>
/// <param name="Because">The user's rated titles behind the score.</param>
/// <param name="Text">A human explanation.</param>
public sealed record TitleExplanation(TitleInfo Title, bool Personal, float? YourStars, float Score, IReadOnlyDictionary<string, float> ModelContributions, IReadOnlyList<RatedReason> Because, string Text);

/// <summary>A title similar to another (<c>/similar</c>).</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">Similarity (relative).</param>
/// <param name="YourStars">The user's rating of it, if rated.</param>
public sealed record SimilarTitle(TitleInfo Title, float Score, float? YourStars);
