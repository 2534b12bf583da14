using CineSync.Dashboard.Tests.Support;
using CineSync.Grains.Interfaces;
using CineSync.Testing;
using Orleans;
using Orleans.Runtime;

namespace CineSync.Dashboard.Tests.Facts;

/// <summary>Each silo's facts grain answers for that silo alone, on a two-silo Orleans test cluster with real storage.</summary>
[Collection(DashboardDatabaseCollection.Name)]
public sealed class SiloFactsGrainTests(DashboardDatabase database) : IAsyncLifetime
{
    private CineSyncTestCluster _cluster = null!;

    public async Task InitializeAsync() =>
        _cluster = await CineSyncTestCluster.StartAsync(database.ConnectionString, siloRoles: ["model,taste", "taste"]);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Each_silo_answers_with_its_own_name_address_and_roles()
    {
        foreach (var silo in _cluster.Cluster.Silos)
        {
            var facts = await _cluster.Client.GetSiloFactsGrain(silo.SiloAddress).GetFactsAsync();

            Assert.Equal(silo.Name, facts.SiloName);
            Assert.Equal(silo.SiloAddress.ToParsableString(), facts.SiloAddress);
            Assert.Equal(ExpectedRoles(silo.Name), facts.Roles);
        }
    }

    [Fact]
    public async Task Ratings_feedback_and_users_are_reported_by_the_silo_that_hosts_the_user()
    {
        var users = Enumerable.Range(0, 8).Select(_ => _cluster.Client.GetGrain<IUserTasteGrain>(database.NewUserId())).ToArray();
        for (var i = 0; i < users.Length; i++)
        {
            await users[i].RateAsync(database.PopularMovies[i], 4.5f);
            await users[i].FeedbackAsync(database.PopularMovies[20 + i], i % 4 == 0 ? FeedbackKind.Dislike : FeedbackKind.Like, "als");
        }

        // Where Orleans placed each user decides which silo must report it.
        var management = _cluster.Client.GetGrain<IManagementGrain>(0);
        var hostOf = new Dictionary<SiloAddress, int>();
        foreach (var user in users)
        {
            var host = await management.GetActivationAddress(user) ?? throw new InvalidOperationException("user grain not active");
            hostOf[host] = hostOf.GetValueOrDefault(host) + 1;
        }

        long totalRatings = 0, totalLikes = 0;
        foreach (var silo in _cluster.Cluster.Silos)
        {
            var facts = await _cluster.Client.GetSiloFactsGrain(silo.SiloAddress).GetFactsAsync();
            var hosted = hostOf.GetValueOrDefault(silo.SiloAddress);
            Assert.Equal(hosted, facts.Ratings);
            Assert.Equal(hosted, facts.ActiveUsers);
            Assert.Equal(hosted, facts.ColdStartUsers);
            Assert.Equal(TimeSpan.FromMinutes(5), facts.Window);
            totalRatings += facts.Ratings;
            totalLikes += facts.Feedback.Where(f => f.Model == "als").Sum(f => f.Likes);
        }

        Assert.Equal(users.Length, totalRatings);
        Assert.Equal(6, totalLikes);
    }

    [Fact]
    public async Task Refused_bad_input_is_counted_apart_from_failures()
    {
        var before = await TotalsAsync();
        var catalogue = _cluster.Client.GetGrain<ICatalogueGrain>(0);
        var user = _cluster.Client.GetGrain<IUserTasteGrain>(database.NewUserId());

        // Typos and invalid stars, as members make them: refusals, not faults.
        Assert.NotNull((await catalogue.TryResolveAsync("Qwzrtx Plmbvk")).Refusal);
        Assert.NotNull((await catalogue.TryResolveAsync("Zzyzx Qqwv")).Refusal);
        await Assert.ThrowsAsync<InvalidRatingException>(() => user.RateAsync(database.PopularMovies[0], 9f));
        await Assert.ThrowsAsync<UnknownMovieException>(() => catalogue.GetTitleAsync(-1));

        var after = await TotalsAsync();
        Assert.Equal(4, after.Refusals - before.Refusals);
        Assert.Equal(0, after.Failures - before.Failures);
    }

    private async Task<(long Refusals, long Failures)> TotalsAsync()
    {
        long refusals = 0, failures = 0;
        foreach (var silo in _cluster.Cluster.Silos)
        {
            var facts = await _cluster.Client.GetSiloFactsGrain(silo.SiloAddress).GetFactsAsync();
            refusals += facts.Refusals;
            failures += facts.Failures;
        }

        return (refusals, failures);
    }

    [Fact]
    public async Task The_model_silo_reports_the_model_it_serves_and_the_other_silo_none()
    {
        // The first recommendation loads the model on the model silo.
        var user = _cluster.Client.GetGrain<IUserTasteGrain>(database.NewUserId());
        await user.RateAsync(database.PopularMovies[0], 5f);
        await user.GetRecommendationsAsync(new RecommendationQuery(Count: 3));

        foreach (var silo in _cluster.Cluster.Silos)
        {
            var facts = await _cluster.Client.GetSiloFactsGrain(silo.SiloAddress).GetFactsAsync();
            if (facts.Roles.Contains("model"))
            {
                Assert.NotNull(facts.Model);
                Assert.Equal(database.Model.Version, facts.Model.Version);
                Assert.Equal(database.Model.Label, facts.Model.Label);
                Assert.NotEmpty(facts.Model.OfflineMetrics);
            }
            else
            {
                Assert.Null(facts.Model);
            }
        }
    }

    [Fact]
    public async Task A_silo_that_is_not_a_member_has_no_facts_and_no_other_silo_answers_for_it()
    {
        var member = _cluster.Cluster.Silos[0].SiloAddress;
        var gone = SiloAddress.New(member.Endpoint, member.Generation + 1);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => _cluster.Client.GetSiloFactsGrain(gone).GetFactsAsync());

        Assert.IsType<SiloNotInClusterException>(error);
        Assert.Contains("not an active member", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => _cluster.Client.GetGrain<ISiloFactsGrain>("not a silo address").GetFactsAsync());
    }

    /// <summary>The roles <see cref="CineSyncTestCluster"/> gives by silo index ("Silo_0" the first list, and so on).</summary>
    private static IReadOnlyList<string> ExpectedRoles(string siloName) => siloName.EndsWith("_0", StringComparison.Ordinal) ? ["model", "taste"] : ["taste"];
}
