using CineSync.Dashboard.Cluster;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CineSync.Dashboard.Tests.Cluster;

public sealed class ClusterFactsReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);
    private static readonly ServedModel V7 = new(7, "2026.12.03-als", Now.AddHours(-2), new Dictionary<string, double> { ["ndcg@10"] = 0.3412, ["recall@20"] = 0.2875 }, 9742);
    private static readonly ServedModel V6 = new(6, "2026.12.02-als", Now.AddDays(-1), new Dictionary<string, double> { ["ndcg@10"] = 0.33 }, 9700);

    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task Totals_add_up_what_each_silo_reported_about_itself()
    {
        var source = new FakeSource();
        source.Answer("a", Facts("a", ["model", "taste"], V7, ratings: 30, perMinute: 6, active: 10, cold: 4, new ModelFeedback("als", 6, 2, 1, 0), new ModelFeedback("ease", 1, 1, 0, 0)));
        source.Answer("b", Facts("b", ["taste"], null, ratings: 12, perMinute: 2.4, active: 5, cold: 5, new ModelFeedback("als", 2, 0, 0, 3)));

        var view = await Reader(source).ReadAsync(CancellationToken.None);

        Assert.Equal((2, 2), (view.Totals.Silos, view.Totals.Reachable));
        Assert.Equal(42, view.Totals.Ratings);
        Assert.Equal(8.4, view.Totals.RatingsPerMinute, precision: 9);
        Assert.Equal((15L, 9L), (view.Totals.ActiveUsers, view.Totals.ColdStartUsers));
        Assert.Equal((9L, 3L), (view.Totals.Likes, view.Totals.Dislikes));
        Assert.Equal(0.75, view.Totals.LikeShare!.Value, precision: 9);
        var als = Assert.Single(view.Models, m => m.Model == "als");
        Assert.Equal((8L, 2L, 1L, 3L), (als.Likes, als.Dislikes, als.NotInterested, als.Watched));
        Assert.Equal(0.8, als.LikeShare!.Value, precision: 9);
        Assert.Equal(["a", "b"], view.Silos.Select(s => s.Name));
        Assert.Equal("2026.12.03-als", view.Silos[0].ModelLabel);
        Assert.Null(view.Silos[1].ModelLabel);
        Assert.Equal(["a"], view.CurrentModel!.ServedBy);
        Assert.Equal(0.3412, view.CurrentModel.OfflineMetrics["ndcg@10"]);
    }

    [Fact]
    public async Task While_silos_switch_models_the_newest_is_current_and_both_versions_are_listed()
    {
        var source = new FakeSource();
        source.Answer("a", Facts("a", ["model"], V7, 0, 0, 0, 0));
        source.Answer("b", Facts("b", ["model"], V6, 0, 0, 0, 0));

        var view = await Reader(source).ReadAsync(CancellationToken.None);

        Assert.Equal(7, view.CurrentModel!.Version);
        Assert.Equal(["2026.12.03-als", "2026.12.02-als"], view.ModelVersions);
    }

    [Fact]
    public async Task A_silo_that_does_not_answer_in_time_is_shown_unreachable_and_the_totals_cover_the_others()
    {
        var source = new FakeSource();
        source.Answer("a", Facts("a", ["taste"], null, ratings: 5, perMinute: 1, active: 2, cold: 2));
        var silent = source.Hang("b");

        var reading = Reader(source).ReadAsync(CancellationToken.None);
        Assert.False(reading.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(2));
        var view = await reading;

        Assert.Equal((2, 1), (view.Totals.Silos, view.Totals.Reachable));
        Assert.Equal(5, view.Totals.Ratings);
        var b = Assert.Single(view.Silos, s => s.Name == "b");
        Assert.False(b.Reachable);
        Assert.Equal("no answer within 2 s", b.Error);
        silent.SetCanceled();
    }

    [Fact]
    public async Task A_silo_that_left_the_cluster_or_failed_is_shown_with_the_reason()
    {
        var source = new FakeSource();
        source.Fail("gone", new SiloNotInClusterException("Silo 'x' is not an active member of the cluster."));
        source.Fail("broken", new InvalidOperationException("disk on fire\n   at Somewhere()"));

        var view = await Reader(source).ReadAsync(CancellationToken.None);

        Assert.Equal(0, view.Totals.Reachable);
        Assert.Equal("left the cluster", view.Silos.Single(s => s.Name == "gone").Error);
        Assert.Equal("disk on fire", view.Silos.Single(s => s.Name == "broken").Error);
        Assert.Null(view.CurrentModel);
        Assert.Null(view.Totals.LikeShare);
    }

    private ClusterFactsReader Reader(FakeSource source) =>
        new(source, Options.Create(new DashboardOptions { SiloTimeout = TimeSpan.FromSeconds(2) }), _time, NullLogger<ClusterFactsReader>.Instance);

    private static SiloFacts Facts(string name, IReadOnlyList<string> roles, ServedModel? model, long ratings, double perMinute, long active, long cold, params ModelFeedback[] feedback) =>
        new(name, Address(name), roles, model, TimeSpan.FromMinutes(5), ratings, perMinute, active, cold, feedback, Now);

    private static string Address(string name) => $"127.0.0.1:{11111 + name.Length}@{name.GetHashCode(StringComparison.Ordinal) & 0xffff}";

    /// <summary>Members in the order added; each answers, fails or hangs as told.</summary>
    private sealed class FakeSource : ISiloFactsSource
    {
        private readonly List<(ListedSilo Member, Task<SiloFacts> Answer)> _silos = [];

        public void Answer(string name, SiloFacts facts) => Add(name, Task.FromResult(facts));

        public void Fail(string name, Exception error) => Add(name, Task.FromException<SiloFacts>(error));

        public TaskCompletionSource<SiloFacts> Hang(string name)
        {
            var never = new TaskCompletionSource<SiloFacts>();
            Add(name, never.Task);
            return never;
        }

        public Task<IReadOnlyList<ListedSilo>> GetMembersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ListedSilo>>([.. _silos.Select(s => s.Member)]);

        public Task<SiloFacts> GetFactsAsync(ListedSilo member) => _silos.Single(s => s.Member == member).Answer;

        private void Add(string name, Task<SiloFacts> answer) => _silos.Add((new ListedSilo(Address(name), name, Now.AddMinutes(-3)), answer));
    }
}
