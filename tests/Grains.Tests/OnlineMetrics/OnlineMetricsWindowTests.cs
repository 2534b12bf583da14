using CineSync.Grains.Interfaces;
using CineSync.Grains.OnlineMetrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CineSync.Grains.Tests.OnlineMetrics;

/// <summary>
/// The sliding windows of the online metrics, on a fake clock: lists are shown years ahead of the other tests' lists,
/// each test in a year of its own, so each window holds only that test's lists, and the clock decides what falls in the
/// last hour, day and week.
/// </summary>
[Collection(GrainsCollection.Name)]
public sealed class OnlineMetricsWindowTests(GrainsFixture fixture)
{

    private IServiceProvider Services => fixture.Silo.Cluster.Silos[0].ServiceProvider;

    [Fact]
    public async Task Each_window_counts_the_lists_shown_within_it_and_what_followed_them()
    {
        var time = At(2031);
        var writer = Services.GetRequiredService<OnlineMetricsWriter>();
        var (ann, bob) = (fixture.NewUserId(), fixture.NewUserId());
        var dramas = fixture.Catalogue.Popular("Drama", "Comedy", 10);
        var comedies = fixture.Catalogue.Popular("Comedy", "Drama", 5);
        var now = time.GetUtcNow();

        // Two hours ago model 1 showed ann ten dramas: two 👍, one 👎, one rated 4 an hour later.
        writer.Shown(new ShownList(Guid.NewGuid(), ann, now.AddHours(-2), ListSurface.Recommend, 1, null, null, dramas));
        writer.Outcome(new ShownOutcome(ann, dramas[0], "like", null, now.AddHours(-2).AddMinutes(1)));
        writer.Outcome(new ShownOutcome(ann, dramas[1], "like", null, now.AddHours(-2).AddMinutes(2)));
        writer.Outcome(new ShownOutcome(ann, dramas[2], "dislike", null, now.AddHours(-2).AddMinutes(3)));
        writer.Outcome(new ShownOutcome(ann, dramas[3], ShownOutcome.Rating, 4f, now.AddHours(-1)));

        // Ten minutes ago model 2 showed bob five comedies: one 👍.
        writer.Shown(new ShownList(Guid.NewGuid(), bob, now.AddMinutes(-10), ListSurface.Recommend, 2, null, null, comedies));
        writer.Outcome(new ShownOutcome(bob, comedies[0], "like", null, now.AddMinutes(-5)));
        await writer.FlushAsync();

        var report = await OnlineMetricsReporter.ComputeAsync(Services.GetRequiredService<OnlineMetricsStore>(), now);

        var hour = Window(report, "hour");
        Assert.Equal((1, 5, 1, 0, 0), (hour.Lists, hour.TitlesShown, hour.Likes, hour.Dislikes, hour.RatedTitles));
        Assert.Equal(0.2, hour.LikeRate!.Value, precision: 9);
        Assert.Null(hour.MeanRating);

        var day = Window(report, "day");
        Assert.Equal((2, 15, 3, 1, 1), (day.Lists, day.TitlesShown, day.Likes, day.Dislikes, day.RatedTitles));
        Assert.Equal(0.2, day.LikeRate!.Value, precision: 9);
        Assert.Equal(1 / 15.0, day.RatingRate!.Value, precision: 9);
        Assert.Equal(4.0, day.MeanRating!.Value, precision: 9);
        var titles = await fixture.ScalarAsync("SELECT count(*) FROM movies");
        Assert.Equal(15.0 / titles, day.Coverage, precision: 9);
        Assert.Equal(day, Window(report, "week"));

        var segments = report.Windows.Single(w => w.Name == "day").Segments;
        Assert.Equal([1, 2], segments.Select(s => s.ModelVersion));
        Assert.Equal((10, 2), (segments[0].Figures.TitlesShown, segments[0].Figures.Likes));
        Assert.Equal((5, 1), (segments[1].Figures.TitlesShown, segments[1].Figures.Likes));

        // A day and a half later only the week still holds them.
        time.Advance(TimeSpan.FromHours(36));
        report = await OnlineMetricsReporter.ComputeAsync(Services.GetRequiredService<OnlineMetricsStore>(), time.GetUtcNow());
        Assert.Equal(0, Window(report, "day").Lists);
        Assert.Equal(2, Window(report, "week").Lists);
    }

    [Fact]
    public async Task A_rating_counts_for_a_shown_title_only_within_seven_days_of_the_list()
    {
        var writer = Services.GetRequiredService<OnlineMetricsWriter>();
        var ann = fixture.NewUserId();
        var dramas = fixture.Catalogue.Popular("Drama", "Comedy", 4);
        var shownAt = At(2032).GetUtcNow();
        writer.Shown(new ShownList(Guid.NewGuid(), ann, shownAt, ListSurface.Recommend, 1, null, null, dramas));
        writer.Outcome(new ShownOutcome(ann, dramas[0], ShownOutcome.Rating, 5f, shownAt.AddDays(6.9)));
        writer.Outcome(new ShownOutcome(ann, dramas[1], ShownOutcome.Rating, 2f, shownAt.AddDays(7.1)));
        await writer.FlushAsync();

        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM recommendation_outcomes WHERE user_id = @u", ("u", ann)));
        var week = Window(await OnlineMetricsReporter.ComputeAsync(Services.GetRequiredService<OnlineMetricsStore>(), shownAt.AddDays(6)), "week");
        Assert.Equal((1, 5.0), (week.RatedTitles, week.MeanRating));
    }

    [Fact]
    public async Task The_trend_gives_each_hour_its_lists_and_likes()
    {
        var writer = Services.GetRequiredService<OnlineMetricsWriter>();
        var ann = fixture.NewUserId();
        var dramas = fixture.Catalogue.Popular("Drama", "Comedy", 3);
        var now = At(2033).GetUtcNow();
        writer.Shown(new ShownList(Guid.NewGuid(), ann, now.AddMinutes(-190), ListSurface.Recommend, 1, null, null, dramas));
        writer.Shown(new ShownList(Guid.NewGuid(), ann, now.AddMinutes(-20), ListSurface.Recommend, 1, null, null, dramas[..2]));
        writer.Outcome(new ShownOutcome(ann, dramas[0], "like", null, now.AddMinutes(-10)));
        await writer.FlushAsync();

        var trend = (await OnlineMetricsReporter.ComputeAsync(Services.GetRequiredService<OnlineMetricsStore>(), now)).Trend;

        Assert.Equal(
            [(now.AddHours(-4), 1L, 3L, 0L), (now.AddHours(-1), 1L, 2L, 1L)],
            trend.Select(p => (p.Start, p.Lists, p.TitlesShown, p.Likes)));
    }

    private static FakeTimeProvider At(int year) => new(new DateTimeOffset(year, 1, 10, 12, 0, 0, TimeSpan.Zero));

    private static OnlineFigures Window(OnlineMetricsReport report, string name) => report.Windows.Single(w => w.Name == name).Total;
}
