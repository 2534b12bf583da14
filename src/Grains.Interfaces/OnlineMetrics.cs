using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>
/// Online metrics over sliding windows (last hour, day, week) from the shown lists and their outcomes stored in
/// PostgreSQL, so every silo reads the same figures (use key 0). Answers are cached for a few seconds.
/// </summary>
[Alias("cinesync.OnlineMetricsGrain")]
public interface IOnlineMetricsGrain : IGrainWithIntegerKey
{
    /// <summary>Every window's figures, in total and per model version and experiment arm.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<OnlineMetricsReport> GetAsync();
}

/// <summary>The online metrics at one moment.</summary>
/// <param name="ComputedAt">The end of every window.</param>
/// <param name="Windows">Shortest first: last hour, last day, last week.</param>
/// <param name="Trend">Hourly points over the last day, oldest first.</param>
[GenerateSerializer, Immutable, Alias("cinesync.OnlineMetricsReport")]
public sealed record OnlineMetricsReport(
    [property: Id(0)] DateTimeOffset ComputedAt,
    [property: Id(1)] IReadOnlyList<OnlineWindow> Windows,
    [property: Id(2)] IReadOnlyList<OnlineTrendPoint> Trend);

/// <summary>One sliding window: lists shown within it and what followed them.</summary>
/// <param name="Name">"hour", "day" or "week".</param>
/// <param name="Length">How far back it reaches.</param>
/// <param name="Total">Every list in it.</param>
/// <param name="Segments">Per model version and experiment arm, most shown first.</param>
[GenerateSerializer, Immutable, Alias("cinesync.OnlineWindow")]
public sealed record OnlineWindow(
    [property: Id(0)] string Name,
    [property: Id(1)] TimeSpan Length,
    [property: Id(2)] OnlineFigures Total,
    [property: Id(3)] IReadOnlyList<OnlineSegment> Segments);

/// <summary>The lists one model version (within one experiment arm, or outside any) showed in a window.</summary>
/// <param name="ModelVersion">The <c>trained_models.version</c> that ranked them.</param>
/// <param name="ExperimentId">The experiment, null outside experiments.</param>
/// <param name="Arm">"control" or "candidate"; null outside experiments.</param>
/// <param name="Figures">Their figures.</param>
[GenerateSerializer, Immutable, Alias("cinesync.OnlineSegment")]
public sealed record OnlineSegment(
    [property: Id(0)] int ModelVersion,
    [property: Id(1)] int? ExperimentId,
    [property: Id(2)] string? Arm,
    [property: Id(3)] OnlineFigures Figures);

/// <summary>What users did with the titles a set of lists showed them.</summary>
/// <param name="Lists">Lists shown.</param>
/// <param name="TitlesShown">Titles shown, counting each list's titles (impressions).</param>
/// <param name="Likes">👍 on a shown title.</param>
/// <param name="Dislikes">👎 on a shown title.</param>
/// <param name="NotInterested">"Not interested" on a shown title.</param>
/// <param name="Watched">"Watched" on a shown title.</param>
/// <param name="RatedTitles">Shown titles rated within the attribution window (7 days by default).</param>
/// <param name="MeanRating">The mean of those ratings; null without any.</param>
/// <param name="Coverage">Distinct titles shown ÷ titles in the catalogue.</param>
/// <param name="Diversity">Mean intra-list diversity (1 − genre Jaccard similarity, averaged over pairs); null without a list of two or more.</param>
[GenerateSerializer, Immutable, Alias("cinesync.OnlineFigures")]
public sealed record OnlineFigures(
    [property: Id(0)] long Lists,
    [property: Id(1)] long TitlesShown,
    [property: Id(2)] long Likes,
    [property: Id(3)] long Dislikes,
    [property: Id(4)] long NotInterested,
    [property: Id(5)] long Watched,
    [property: Id(6)] long RatedTitles,
    [property: Id(7)] double? MeanRating,
    [property: Id(8)] double Coverage,
    [property: Id(9)] double? Diversity)
{
    /// <summary>No list shown.</summary>
    public static OnlineFigures None { get; } = new(0, 0, 0, 0, 0, 0, 0, null, 0, null);

    /// <summary>👍 per title shown; null when nothing was shown.</summary>
    public double? LikeRate => TitlesShown == 0 ? null : (double)Likes / TitlesShown;

    /// <summary>Shown titles rated afterwards per title shown; null when nothing was shown.</summary>
    public double? RatingRate => TitlesShown == 0 ? null : (double)RatedTitles / TitlesShown;
}

/// <summary>One hour of the trend.</summary>
/// <param name="Start">The hour's start.</param>
/// <param name="Lists">Lists shown in it.</param>
/// <param name="TitlesShown">Titles shown in it.</param>
/// <param name="Likes">👍 on them.</param>
/// <param name="RatedTitles">Of them, rated afterwards.</param>
[GenerateSerializer, Immutable, Alias("cinesync.OnlineTrendPoint")]
public sealed record OnlineTrendPoint(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] long Lists,
    [property: Id(2)] long TitlesShown,
    [property: Id(3)] long Likes,
    [property: Id(4)] long RatedTitles);
