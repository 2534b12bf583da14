using CineSync.Grains.Interfaces;
using CineSync.Recommender.Ranking;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class WatchPartyTests(GrainsFixture fixture)
{
    [Fact]
    public async Task A_least_misery_party_of_opposite_tastes_picks_titles_acceptable_to_both()
    {
        var (thrillerFan, romanceFan) = (fixture.NewUserId(), fixture.NewUserId());
        var thrillers = fixture.Catalogue.Thrillers;
        var romances = fixture.Catalogue.Romances;
        var a = fixture.Silo.Client.GetGrain<IUserTasteGrain>(thrillerFan);
        var b = fixture.Silo.Client.GetGrain<IUserTasteGrain>(romanceFan);
        await Users.RateAllAsync(a, thrillers, 5f);
        await Users.RateAllAsync(a, romances, 1f);
        await Users.RateAllAsync(b, thrillers, 1f);
        await Users.RateAllAsync(b, romances, 5f);
        const float dislike = 2.5f; // a predicted 2.5★ or less is a dislike

        var party = fixture.Silo.Client.GetGrain<IWatchPartyGrain>($"party-{thrillerFan}");
        var view = await party.StartAsync(new PartySetup(thrillerFan, [romanceFan], PartyStrategy.LeastMisery, 5));

        Assert.Equal(PartyStatus.Voting, view.Status);
        Assert.Equal(5, view.Shortlist.Count);
        Assert.Empty(view.ColdStartMembers);
        Assert.All(view.Shortlist, entry =>
        {
            Assert.Equal(2, entry.Fit.Count);
            Assert.All(entry.Fit, fit => Assert.True(fit.PredictedStars > dislike && fit.Percentile >= 0.1f, $"{entry.Title.Display}: {fit.UserId} predicted {fit.PredictedStars}, percentile {fit.Percentile}"));
        });

        var pick = view.Shortlist[1].Title.MovieId;
        view = await party.VoteAsync(thrillerFan, pick, approve: true);
        Assert.Equal(PartyStatus.Voting, view.Status);
        view = await party.VoteAsync(romanceFan, pick, approve: true);
        Assert.Equal(PartyStatus.Settled, view.Status);
        Assert.Equal(pick, view.Pick!.MovieId);
    }

    [Fact]
    public async Task A_member_who_rated_every_comedy_1_star_gets_no_comedy_and_each_members_fit_is_their_own_prediction()
    {
        var (hater, fan) = (fixture.NewUserId(), fixture.NewUserId());
        var comedies = fixture.Catalogue.Popular("Comedy", "Thriller", 8);
        var thrillers = fixture.Catalogue.Thrillers;
        var a = fixture.Silo.Client.GetGrain<IUserTasteGrain>(hater);
        var b = fixture.Silo.Client.GetGrain<IUserTasteGrain>(fan);
        await Users.RateAllAsync(a, comedies, 1f);
        await Users.RateAllAsync(a, thrillers, 5f);
        await Users.RateAllAsync(b, comedies, 5f);
        await Users.RateAllAsync(b, thrillers, 4f);

        var view = await fixture.Silo.Client.GetGrain<IWatchPartyGrain>($"party-{hater}")
            .StartAsync(new PartySetup(hater, [fan], PartyStrategy.LeastMisery, 5));

        Assert.Equal(5, view.Shortlist.Count);
        // A comedy that is also a thriller (Pulp Fiction) may suit them; a comedy that is not, not.
        Assert.All(view.Shortlist, entry => Assert.False(entry.Title.Genres.Contains("Comedy") && !entry.Title.Genres.Contains("Thriller"), entry.Title.Display));
        var fits = view.Shortlist.SelectMany(e => e.Fit).ToArray();
        var means = new Dictionary<long, float> { [hater] = ((8 * 1f) + (5 * 5f)) / 13, [fan] = ((8 * 5f) + (5 * 4f)) / 13 };
        Assert.All(fits, f => Assert.False(NeighbourRating.IsDislike(f.PredictedStars, means[f.UserId]), $"{f.UserId} predicted {f.PredictedStars}"));
        Assert.True(fits.Select(f => f.PredictedStars).Distinct().Count() > view.Shortlist.Count, string.Join(", ", fits.Select(f => f.PredictedStars)));
        Assert.DoesNotContain(view.Shortlist, e => e.Fit.All(f => f.PredictedStars == 5f));
    }

    [Fact]
    public async Task A_party_counts_cold_start_members_and_settles_after_everyone_voted()
    {
        var members = new[] { fixture.NewUserId(), fixture.NewUserId(), fixture.NewUserId() };
        await Users.RateAllAsync(fixture.Silo.Client.GetGrain<IUserTasteGrain>(members[0]), fixture.Catalogue.Popular("Comedy", "Drama", 6), 4.5f);
        var party = fixture.Silo.Client.GetGrain<IWatchPartyGrain>($"party-{members[0]}");

        var view = await party.StartAsync(new PartySetup(members[0], members, PartyStrategy.Fairness, 2));
        Assert.Equal(members, view.Members);
        Assert.Equal(members[1..], view.ColdStartMembers);
        Assert.Equal(6, view.VotesExpected);

        var (first, second) = (view.Shortlist[0].Title.MovieId, view.Shortlist[1].Title.MovieId);
        foreach (var member in members)
        {
            view = await party.VoteAsync(member, first, approve: false);
        }

        await party.VoteAsync(members[0], second, approve: true);
        await party.VoteAsync(members[1], second, approve: false);
        Assert.Equal(PartyStatus.Voting, (await party.GetAsync()).Status);
        view = await party.VoteAsync(members[2], second, approve: false);

        Assert.Equal(PartyStatus.Settled, view.Status);
        Assert.Equal(second, view.Pick!.MovieId);
        await Assert.ThrowsAsync<WatchPartyException>(() => party.VoteAsync(fixture.NewUserId(), first, approve: true));
    }

    [Fact]
    public async Task A_party_needs_two_to_ten_members()
    {
        var host = fixture.NewUserId();
        var alone = fixture.Silo.Client.GetGrain<IWatchPartyGrain>($"alone-{host}");
        await Assert.ThrowsAsync<WatchPartyException>(() => alone.StartAsync(new PartySetup(host, [host])));
        var crowd = fixture.Silo.Client.GetGrain<IWatchPartyGrain>($"crowd-{host}");
        await Assert.ThrowsAsync<WatchPartyException>(() => crowd.StartAsync(new PartySetup(host, [.. Enumerable.Range(1, 10).Select(i => host + i)])));
    }
}
