using System.Globalization;
using System.Net;
using CineSync.Dashboard.Tests.Support;
using CineSync.Grains.Interfaces;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace CineSync.Dashboard.Tests.Browser;

/// <summary>
/// The model-quality half of the product page in headless Chromium, served by a real silo: online metrics, an
/// experiment's arms and verdict with its stop button, the current model's offline quality and drift — each as the
/// grains report it after real grain calls.
/// </summary>
[Collection(DashboardDatabaseCollection.Name)]
public sealed class QualityBrowserTests(DashboardDatabase database, ITestOutputHelper output)
{
    private const string Token = "quality-test-token-0123456789";

    [Fact]
    public async Task The_page_shows_online_metrics_experiment_arms_with_their_verdict_offline_quality_and_drift_and_stops_an_experiment()
    {
        await using var silo = await RealSilo.StartAsync(
            database.ConnectionString,
            $"--Silo:ClusterId=quality-{Guid.NewGuid():N}",
            $"--Dashboard:AccessToken={Token}",
            "--OnlineMetrics:ReportCacheAge=00:00:00",
            "--Drift:CheckPeriod=00:00:01",
            "--Drift:MinRecentRatings=5");

        // The current model carries offline figures as the retraining schedule stores them; a copy of it is the candidate.
        var current = await silo.Grains.GetGrain<IModelRegistryGrain>(0).GetCurrentAsync();
        await ExecuteAsync("""UPDATE trained_models SET metrics = metrics || '{"recall@10": 0.1234, "ndcg@10": 0.0567, "coverage@10": 0.089, "evaluated_users": 42}' WHERE version = @v""", current.Version);
        var candidate = await ExecuteAsync("""
            INSERT INTO trained_models (version, created_at, metrics, checksum, artifact, is_current)
            SELECT (SELECT max(version) + 1 FROM trained_models), now(), metrics, checksum, artifact, false FROM trained_models WHERE version = @v
            RETURNING version
            """, current.Version);
        var experiment = await silo.Grains.GetGrain<IExperimentGrain>(0).StartAsync(new ExperimentRequest(candidate, 0.5, "browser test"));
        var before = Hour(await silo.Grains.GetGrain<IOnlineMetricsGrain>(0).GetAsync()).TitlesShown;

        // Eight users rate six titles, see five recommendations and like the first two.
        for (var u = 0; u < 8; u++)
        {
            var user = silo.Grains.GetGrain<IUserTasteGrain>(database.NewUserId());
            foreach (var movie in database.PopularMovies.Skip(u * 4).Take(6))
            {
                await user.RateAsync(movie, 4.5f);
            }

            var list = await user.GetRecommendationsAsync(new RecommendationQuery(5));
            await user.FeedbackAsync(list.Items[0].Title.MovieId, FeedbackKind.Like, null);
            await user.FeedbackAsync(list.Items[1].Title.MovieId, FeedbackKind.Like, null);
        }

        // The lists are written off the hot path: wait until the metrics count all forty titles and sixteen 👍.
        var report = await WaitForAsync(() => silo.Grains.GetGrain<IExperimentGrain>(0).ListAsync(), views => views.Single(e => e.Id == experiment.Id) is var e
            && e.Control.Figures.TitlesShown + e.Candidate.Figures.TitlesShown == 40 && e.Control.Figures.Likes + e.Candidate.Figures.Likes == 16);
        var running = report.Single(e => e.Id == experiment.Id);
        var online = await silo.Grains.GetGrain<IOnlineMetricsGrain>(0).GetAsync();
        Assert.Equal(before + 40, Hour(online).TitlesShown);

        using (var anonymous = new HttpClient { BaseAddress = silo.DashboardAddress })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"dashboard/api/experiments/{experiment.Id}/stop", null)).StatusCode);
        }

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = chromium.Page;
        var pageErrors = new List<string>();
        page.PageError += (_, error) => { lock (pageErrors) { pageErrors.Add(error); } output.WriteLine($"page error: {error}"); };
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        Assert.Equal(200, (await page.GotoAsync(new Uri(silo.DashboardAddress, $"dashboard/?token={Token}").ToString()))!.Status);

        // Online metrics: the last hour as the grain computes it.
        var hour = Hour(online);
        await page.WaitForFunctionAsync($"() => document.querySelector('#online tr[data-window=hour] [data-field=shown]')?.textContent === '{Number(hour.TitlesShown)}'");
        Assert.Equal(Number(hour.Likes), await TextAsync(page, "#online tr[data-window=hour] [data-field=likes]"));
        Assert.Equal(Percent(hour.LikeRate), await TextAsync(page, "#online tr[data-window=hour] [data-field=likeRate]"));
        Assert.True(await page.Locator("#trend .hour").CountAsync() >= 1);

        // The experiment: each arm's figures and the verdict.
        var card = $"#experiments [data-experiment='{experiment.Id}']";
        Assert.Equal("running", await TextAsync(page, $"{card} [data-field=status]"));
        foreach (var arm in new[] { running.Control, running.Candidate })
        {
            Assert.Equal(Number(arm.Figures.TitlesShown), await TextAsync(page, $"{card} tr[data-arm={arm.Arm}] [data-field=shown]"));
            Assert.Equal(Number(arm.Figures.Likes), await TextAsync(page, $"{card} tr[data-arm={arm.Arm}] [data-field=likes]"));
            Assert.Contains($"model v{arm.ModelVersion}", await TextAsync(page, $"{card} tr[data-arm={arm.Arm}]"), StringComparison.Ordinal);
        }

        Assert.Equal(running.Verdict.Decision, await TextAsync(page, $"{card} [data-field=decision]"));
        Assert.Contains(running.Verdict.Summary, await TextAsync(page, $"{card} [data-field=verdict]"), StringComparison.Ordinal);

        // Offline quality of the current model, and this silo's drift status.
        Assert.Equal("0.1234", await TextAsync(page, "#offline tr[data-metric='recall@10'] td.num"));
        Assert.Equal("0.0567", await TextAsync(page, "#offline tr[data-metric='ndcg@10'] td.num"));
        Assert.Equal("0.0890", await TextAsync(page, "#offline tr[data-metric='coverage@10'] td.num"));
        // The silo re-checks drift every second (the ratings above may land in a later check): page and grain agree once both have the latest.
        await page.WaitForSelectorAsync("[data-field=drift-status]");
        var (drift, shown) = await WaitForAsync(
            async () => (await silo.Grains.GetGrain<IDriftGrain>(0).GetAsync(), await TextAsync(page, "[data-field=drift-status]")),
            pair => pair.Item1.Status == pair.Item2);
        Assert.Equal(drift.Status, shown);
        await ScreenshotAsync(page, "dashboard-quality.png");

        // Stop, from the page.
        await page.ClickAsync($"{card} button[data-action=stop]");
        await page.WaitForFunctionAsync($"() => document.querySelector(\"{card} [data-field=status]\")?.textContent === 'stopped'");
        Assert.Equal("stopped", (await silo.Grains.GetGrain<IExperimentGrain>(0).ListAsync()).Single(e => e.Id == experiment.Id).Status);
        lock (pageErrors)
        {
            Assert.Empty(pageErrors);
        }
    }

    [Fact]
    public async Task Without_an_access_token_the_dashboard_refuses_to_promote_or_stop_and_says_how_to()
    {
        await using var silo = await RealSilo.StartAsync(database.ConnectionString, $"--Silo:ClusterId=quality-{Guid.NewGuid():N}");
        using var client = new HttpClient { BaseAddress = silo.DashboardAddress };

        var refused = await client.PostAsync("dashboard/api/experiments/1/promote", null);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Dashboard:AccessToken", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("dashboard/api/quality")).StatusCode);
    }

    private static OnlineFigures Hour(OnlineMetricsReport report) => report.Windows.Single(w => w.Name == "hour").Total;

    private static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            await Task.Delay(50, timeout.Token);
        }
    }

    private async Task<int> ExecuteAsync(string sql, int version)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("v", version);
        return Convert.ToInt32(await command.ExecuteScalarAsync() ?? 0, CultureInfo.InvariantCulture);
    }

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.InnerTextAsync(selector)).Trim();

    /// <summary>A count as the page's <c>num()</c> writes it.</summary>
    private static string Number(long value) => value < 10_000 ? value.ToString("#,0", CultureInfo.InvariantCulture) : throw new ArgumentOutOfRangeException(nameof(value));

    /// <summary>A share as the page's <c>pct()</c> writes it.</summary>
    private static string Percent(double? share) => share is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %" : "–";

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
