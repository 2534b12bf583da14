using CineSync.Recommender.Data;

namespace CineSync.Recommender.Engine;

/// <summary>How a group's individual preferences become one ranking.</summary>
public enum GroupStrategy
{
    /// <summary>Highest mean over members of their expected share of their own best list.</summary>
    Average,

    /// <summary>Nobody unhappy: only titles no member places in the bottom tenth of their own list, each next one raising the least served members' share first.</summary>
    LeastMisery,

    /// <summary>Sum of Borda points from each member's own top 10.</summary>
    Borda,

    /// <summary>Rounds: every member chooses once per round, the least served first, among their own favourites the one that most raises the group's proportional fairness.</summary>
    Fair,
}

/// <summary>One member of a group.</summary>
/// <param name="MemberId">Caller's id for the member (e.g. Discord user id).</param>
/// <param name="Ratings">The member's ratings; empty for a cold-start member.</param>
public sealed record GroupMember(long MemberId, IReadOnlyList<UserRating> Ratings)
{
    /// <summary>Taste vector from fold-in, when the caller has it.</summary>
    public float[]? Taste { get; init; }

    /// <summary>The member's per-user ensemble weights.</summary>
    public IReadOnlyDictionary<string, float>? ModelWeights { get; init; }
}

/// <summary>What to recommend to a group.</summary>
/// <param name="Members">Two or more members.</param>
/// <param name="Strategy">Aggregation strategy.</param>
public sealed record GroupRequest(IReadOnlyList<GroupMember> Members, GroupStrategy Strategy)
{
    /// <summary>How many items to return (default 10).</summary>
    public int Count { get; init; } = 10;

    /// <summary>Optional filters.</summary>
    public RecommendationFilter? Filter { get; init; }

    /// <summary>Items never to return besides any member's rated ones.</summary>
    public IReadOnlyCollection<int>? Exclude { get; init; }

    /// <summary>Titles a member is predicted to dislike come after all others (default); off only to measure what that costs.</summary>
    public bool AvoidPredictedDislikes { get; init; } = true;
}

/// <summary>How much one member is predicted to like a group pick.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Percentile">Where the item falls in the member's own ranking of all candidates (1 = their favourite, 0.5 = median).</param>
/// <param name="PredictedRating">The member's predicted rating of the item on their own scale (<see cref="Ranking.NeighbourRating"/>; 3.5 without ratings).</param>
public readonly record struct MemberSatisfaction(long MemberId, float Percentile, float PredictedRating);

/// <summary>One group pick.</summary>
/// <param name="ItemId">External item id.</param>
/// <param name="Score">The strategy's aggregate score.</param>
/// <param name="Members">Per-member predicted satisfaction.</param>
public sealed record GroupPick(int ItemId, float Score, IReadOnlyList<MemberSatisfaction> Members);

/// <summary>A group ranking.</summary>
/// <param name="Items">Best first.</param>
/// <param name="Strategy">Strategy used.</param>
/// <param name="ModelVersion">Bundle version.</param>
public sealed record GroupRecommendationResult(IReadOnlyList<GroupPick> Items, GroupStrategy Strategy, string ModelVersion);
