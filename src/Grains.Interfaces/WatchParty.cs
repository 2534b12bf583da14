namespace CineSync.Grains.Interfaces;

/// <summary>Where a watch party stands.</summary>
public enum PartyStatus
{
    /// <summary>Not started.</summary>
    NotStarted,

    /// <summary>Members are voting on the shortlist.</summary>
    Voting,

    /// <summary>A pick is settled.</summary>
    Settled,
}

/// <summary>How to start a watch party (<c>/watch_party</c>).</summary>
/// <param name="HostUserId">Who started it (a member).</param>
/// <param name="MemberIds">All members including the host: 2–10 distinct users.</param>
/// <param name="Strategy">How preferences combine.</param>
/// <param name="ShortlistSize">Titles to vote on (1–10, default 5).</param>
/// <param name="Genre">Only titles of this genre, when set.</param>
public sealed record PartySetup(long HostUserId, IReadOnlyList<long> MemberIds, PartyStrategy Strategy = PartyStrategy.LeastMisery, int ShortlistSize = 5, string? Genre = null);

/// <summary>One shortlisted title with its live tally.</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">The strategy's score.</param>
/// <param name="Fit">Per-member predicted fit.</param>
/// <param name="Approvals">Members who approved.</param>
/// <param name="Vetoes">Members who vetoed.</param>
public sealed record ShortlistEntry(TitleInfo Title, float Score, IReadOnlyList<MemberFit> Fit, IReadOnlyList<long> Approvals, IReadOnlyList<long> Vetoes);

/// <summary>A watch party as the bot renders it.</summary>
/// <param name="PartyId">The party's key.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Strategy">The strategy used.</param>
/// <param name="Members">All members.</param>
/// <param name="ColdStartMembers">Members with too few ratings: counted, ranked by popularity.</param>
/// <param name="Shortlist">Titles to vote on, best first.</param>
/// <param name="Pick">The settled pick, once settled.</param>
/// <param name="VotesCast">Votes cast so far.</param>
/// <param name="VotesExpected">Members × shortlist.</param>
public sealed record PartyView(string PartyId, PartyStatus Status, PartyStrategy Strategy, IReadOnlyList<long> Members, IReadOnlyList<long> ColdStartMembers, IReadOnlyList<ShortlistEntry> Shortlist, TitleInfo? Pick, int VotesCast, int VotesExpected);
