using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

/// <summary>Domain refusals cross the cluster client as their own types, with the message the user reads.</summary>
[Collection(GrainsCollection.Name)]
public sealed class RefusalTests(GrainsFixture fixture)
{
    [Fact]
    public async Task An_unknown_title_reaches_the_client_as_UnknownMovieException_with_a_did_you_mean()
    {
        var refusal = await Assert.ThrowsAsync<UnknownMovieException>(() => fixture.Silo.Client.GetGrain<ICatalogueGrain>(0).ResolveAsync("Mtrx Rldd"));
        Assert.Contains("Matrix", refusal.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<RefusalException>(refusal);
    }

    [Fact]
    public async Task An_unknown_genre_reaches_the_client_as_UnknownGenreException_listing_the_known_ones()
    {
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId());
        var refusal = await Assert.ThrowsAsync<UnknownGenreException>(() => user.GetRecommendationsAsync(new RecommendationQuery(5, Genre: "space opera")));
        Assert.Contains("space opera", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("Thriller", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_in_a_party_that_does_not_exist_reaches_the_client_as_PartyNotFoundException()
    {
        var party = fixture.Silo.Client.GetGrain<IWatchPartyGrain>($"never-started-{fixture.NewUserId()}");
        var refusal = await Assert.ThrowsAsync<PartyNotFoundException>(() => party.VoteAsync(1, 2571, approve: true));
        Assert.Contains("watch party", refusal.Message, StringComparison.Ordinal);
    }
}
