namespace CineSync.Grains.Interfaces;

/// <summary>Where a watch party stands.</summary>
[GenerateSerializer, Alias("cinesync.PartyStatus")]
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
[GenerateSerializer, Immutable, Alias("cinesync.PartySetup")]
public sealed record PartySetup([property: Id(0)] long HostUserId, [property: Id(1)] IReadOnlyList<long> MemberIds, [property: Id(2)] PartyStrategy Strategy = PartyStrategy.LeastMisery, [property: Id(3)] int ShortlistSize = 5, [property: Id(4)] string? Genre = null);

/// <summary>One shortlisted title with its live tally.</summary>
/// <param name="Title">The title.</param>
/// <param name="Score">The strategy's score.</param>
/// <param name="Fit">Per-member predicted fit.</param>
/// <param name="Approvals">Members who approved.</param>
/// <param name="Vetoes">Members who vetoed.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ShortlistEntry")]
public sealed record ShortlistEntry([property: Id(0)] TitleInfo Title, [property: Id(1)] float Score, [property: Id(2)] IReadOnlyList<MemberFit> Fit, [property: Id(3)] IReadOnlyList<long> Approvals, [property: Id(4)] IReadOnlyList<long> Vetoes);

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
[GenerateSerializer, Immutable, Alias("cinesync.PartyView")]
public sealed record PartyView([property: Id(0)] string PartyId, [property: Id(1)] PartyStatus Status, [property: Id(2)] PartyStrategy Strategy, [property: Id(3)] IReadOnlyList<long> Members, [property: Id(4)] IReadOnlyList<long> ColdStartMembers, [property: Id(5)] IReadOnlyList<ShortlistEntry> Shortlist, [property: Id(6)] TitleInfo? Pick, [property: Id(7)] int VotesCast, [property: Id(8)] int VotesExpected);
