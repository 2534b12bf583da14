namespace CineSync.Grains.OnlineMetrics;

/// <summary>Where a list was shown.</summary>
internal enum ListSurface
{
    /// <summary>A personal list (<c>/recommend</c>).</summary>
    Recommend,

    /// <summary>A watch party's shortlist, shown to each member.</summary>
    WatchParty,
}

/// <summary>A list shown to one user, as the <c>shown_lists</c> row records it.</summary>
/// <param name="ListId">Its id.</param>
/// <param name="UserId">Who saw it.</param>
/// <param name="ShownAt">When.</param>
/// <param name="Surface">Where.</param>
/// <param name="ModelVersion">The <c>trained_models.version</c> that ranked it.</param>
/// <param name="ExperimentId">The experiment the user was in, if any.</param>
/// <param name="Arm">Their arm in it ("control" or "candidate"), with <paramref name="ExperimentId"/>.</param>
/// <param name="MovieIds">The titles in the order shown.</param>
internal sealed record ShownList(Guid ListId, long UserId, DateTimeOffset ShownAt, ListSurface Surface, int ModelVersion, int? ExperimentId, string? Arm, int[] MovieIds);

/// <summary>What a user did about a title; stored when a list showed it to them (within the attribution window for ratings).</summary>
/// <param name="UserId">Who.</param>
/// <param name="MovieId">The title.</param>
/// <param name="Kind">"like", "dislike", "not_interested", "watched" or "rating".</param>
/// <param name="Stars">The rating, for kind "rating".</param>
/// <param name="At">When.</param>
internal sealed record ShownOutcome(long UserId, int MovieId, string Kind, float? Stars, DateTimeOffset At)
{
    /// <summary>The kind of a rating outcome.</summary>
    public const string Rating = "rating";
}
