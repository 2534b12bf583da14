using CineSync.Grains.Catalogue;
using CineSync.Grains.Experiments;
using CineSync.Grains.Interfaces;
using CineSync.Grains.OnlineMetrics;

namespace CineSync.Grains.Party;

/// <summary>
/// A watch party: gathers members' taste snapshots in parallel, asks a ModelGrain for a group ranking, and settles a
/// pick from approvals and vetoes — as soon as a majority approves a title, or once everyone voted on everything (best
/// approvals minus vetoes, ties to the better-ranked title). Parties are short-lived and kept in memory only, so no
/// member data outlives the activation. The party ranks with the model of its creator's experiment arm, and its
/// shortlist counts in the online metrics as a list shown to each member under that arm.
/// </summary>
[GrainType("watch-party")]
internal sealed class WatchPartyGrain(CatalogueStore catalogueStore, RunningExperiments experiments, OnlineMetricsWriter onlineMetrics, TimeProvider time) : Grain, IWatchPartyGrain
{
    private const int MinMembers = 2;
    private const int MaxMembers = 10;

    private readonly List<ShortlistItem> _shortlist = [];
    private PartySetup? _setup;
    private long[] _members = [];
    private long[] _coldStart = [];
    private TitleInfo? _pick;

    public async Task<PartyView> StartAsync(PartySetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (_setup is not null)
        {
            throw new WatchPartyException("This watch party has already started.");
        }

        var members = setup.MemberIds.Append(setup.HostUserId).Distinct().ToArray();
        if (members.Length is < MinMembers or > MaxMembers)
        {
            throw new WatchPartyException($"A watch party needs {MinMembers} to {MaxMembers} people (you invited {members.Length}).");
        }

        var size = Math.Clamp(setup.ShortlistSize, 1, 10);
        var catalogue = await catalogueStore.GetAsync();
        IReadOnlyList<string> genres = setup.Genre is { Length: > 0 } genre ? [catalogue.RequireGenre(genre)] : [];

        // Fan out: every member's snapshot at once.
        var snapshots = await Task.WhenAll(members.Select(id => GrainFactory.GetGrain<IUserTasteGrain>(id).GetTasteSnapshotAsync()));

        // Members without enough ratings count like everyone else but are ranked as cold start (popularity).
        var cold = snapshots.Where(s => s.Ratings.Count < TasteRules.PersonalAfter).Select(s => s.UserId).ToArray();
        var ranked = snapshots.Select(s => s.Ratings.Count < TasteRules.PersonalAfter ? s with { Ratings = [], Taste = null } : s).ToArray();
        var arm = await experiments.ArmOfAsync(setup.HostUserId);
        var ranking = await GrainFactory.GetGrain<IModelGrain>(0).RankGroupAsync(
            new GroupRankingRequest(ranked, setup.Strategy, size, genres.Count == 0 ? null : new TitleFilter(genres), arm?.ModelVersion ?? 0));

        foreach (var item in ranking.Items)
        {
            if (catalogue.Find(item.MovieId) is { } entry)
            {
                _shortlist.Add(new ShortlistItem(entry.Info, item.Score, item.Members));
            }
        }

        if (_shortlist.Count > 0)
        {
            var shownAt = time.GetUtcNow();
            int[] shown = [.. _shortlist.Select(s => s.Title.MovieId)];
            foreach (var member in members)
            {
                onlineMetrics.Shown(new ShownList(Guid.CreateVersion7(shownAt), member, shownAt, ListSurface.WatchParty, ranking.TrainedVersion, arm?.ExperimentId, arm?.Arm, shown));
            }
        }

        _setup = setup;
        _members = members;
        _coldStart = cold;
        return View();
    }

    public Task<PartyView> VoteAsync(long memberId, int movieId, bool approve)
    {
        if (_setup is null)
        {
            // Parties live in memory: an unknown id is one never started here, or one that ended with its silo.
            DeactivateOnIdle();
            throw new PartyNotFoundException();
        }

        if (!_members.Contains(memberId))
        {
            throw new WatchPartyException("This isn't your watch party — only invited members can vote.");
        }

        if (_pick is null)
        {
            var item = _shortlist.Find(s => s.Title.MovieId == movieId)
                ?? throw new WatchPartyException("That title isn't on this party's shortlist.");
            item.Votes[memberId] = approve;
            Settle();
        }

        return Task.FromResult(View());
    }

    public Task<PartyView> GetAsync() => Task.FromResult(View());

    private void Settle()
    {
        var majority = (_members.Length / 2) + 1;
        var approved = _shortlist.Find(s => s.Approvals >= majority);
        if (approved is not null)
        {
            _pick = approved.Title;
            return;
        }

        if (_shortlist.Count > 0 && _shortlist.All(s => s.Votes.Count == _members.Length))
        {
            // Everyone voted on everything: best net approval; ties go to the better-ranked title (MaxBy keeps the first).
            _pick = _shortlist.MaxBy(s => s.Approvals - s.Vetoes)!.Title;
        }
    }

    private PartyView View() => new(
        this.GetPrimaryKeyString(),
        _setup is null ? PartyStatus.NotStarted : _pick is null ? PartyStatus.Voting : PartyStatus.Settled,
        _setup?.Strategy ?? PartyStrategy.LeastMisery,
        _members,
        _coldStart,
        [.. _shortlist.Select(s => new ShortlistEntry(
            s.Title,
            s.Score,
            s.Fit,
            [.. s.Votes.Where(v => v.Value).Select(v => v.Key)],
            [.. s.Votes.Where(v => !v.Value).Select(v => v.Key)]))],
        _pick,
        _shortlist.Sum(s => s.Votes.Count),
        _members.Length * _shortlist.Count);

    private sealed class ShortlistItem(TitleInfo title, float score, IReadOnlyList<MemberFit> fit)
    {
        public TitleInfo Title { get; } = title;

        public float Score { get; } = score;

        public IReadOnlyList<MemberFit> Fit { get; } = fit;

        public Dictionary<long, bool> Votes { get; } = [];

        public int Approvals => Votes.Count(v => v.Value);

        public int Vetoes => Votes.Count(v => !v.Value);
    }
}
