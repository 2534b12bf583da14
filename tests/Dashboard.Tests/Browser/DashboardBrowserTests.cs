using System.Globalization;
using System.Net;
using CineSync.Dashboard.Tests.Support;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace CineSync.Dashboard.Tests.Browser;

/// <summary>
/// The product page in Debian's headless Chromium (Playwright through ExecutablePath; no browser download), served by
/// a real silo host in a two-silo cluster joined through PostgreSQL, showing figures that real grain calls produced.
/// </summary>
[Collection(DashboardDatabaseCollection.Name)]
public sealed class DashboardBrowserTests(DashboardDatabase database, ITestOutputHelper output)
{
    private const string Token = "browser-test-token-0123456789";

    [Fact]
    public async Task The_page_shows_the_cluster_totals_and_each_silos_own_figures_and_links_to_the_orleans_dashboard()
    {
        var chromium = CineSync.Testing.Chromium.Find();
        var cluster = $"dash-{Guid.NewGuid():N}";
        await using var a = await RealSilo.StartAsync(database.ConnectionString, $"--Silo:ClusterId={cluster}", "--Silo:Name=silo-a", "--Silo:Roles=model,taste", $"--Dashboard:AccessToken={Token}");
        await using var b = await RealSilo.StartAsync(database.ConnectionString, $"--Silo:ClusterId={cluster}", "--Silo:Name=silo-b", "--Silo:Roles=taste", $"--Dashboard:AccessToken={Token}");
        await WaitForActiveSilosAsync(a, 2);

        // Real grain calls: 10 users rate 2 titles each, 4 ask for recommendations (the model silo loads its model), and
        // 10 picks get feedback: als 5 👍 1 👎, ease 2 👍 2 👎.
        var users = Enumerable.Range(0, 10).Select(_ => a.Grains.GetGrain<IUserTasteGrain>(database.NewUserId())).ToArray();
        for (var i = 0; i < users.Length; i++)
        {
            await users[i].RateAsync(database.PopularMovies[2 * i], 4f);
            await users[i].RateAsync(database.PopularMovies[(2 * i) + 1], 3.5f);
        }

        foreach (var user in users.Take(4))
        {
            await user.GetRecommendationsAsync(new RecommendationQuery(Count: 5));
        }

        (string Model, FeedbackKind Kind)[] feedback =
        [
            ("als", FeedbackKind.Like), ("als", FeedbackKind.Like), ("als", FeedbackKind.Like), ("als", FeedbackKind.Like), ("als", FeedbackKind.Like), ("als", FeedbackKind.Dislike),
            ("ease", FeedbackKind.Like), ("ease", FeedbackKind.Like), ("ease", FeedbackKind.Dislike), ("ease", FeedbackKind.Dislike),
        ];
        for (var i = 0; i < feedback.Length; i++)
        {
            await users[i].FeedbackAsync(database.PopularMovies[30 + i], feedback[i].Kind, feedback[i].Model);
        }

        // Three typos a member makes: refused inputs, shown apart from failed calls.
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull((await a.Grains.GetGrain<ICatalogueGrain>(0).TryResolveAsync("Qwzrtx Plmbvk " + i)).Refusal);
        }

        // What each silo says about itself, asked directly: the page must show the same, row by row.
        var factsA = await a.Grains.GetSiloFactsGrain(a.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress).GetFactsAsync();
        var factsB = await a.Grains.GetSiloFactsGrain(b.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress).GetFactsAsync();
        Assert.Equal(20, factsA.Ratings + factsB.Ratings);
        Assert.Equal(10, factsA.ActiveUsers + factsB.ActiveUsers);
        Assert.NotNull(factsA.Model);
        Assert.Null(factsB.Model);

        using (var anonymous = new HttpClient { BaseAddress = a.DashboardAddress })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("dashboard/api/cluster")).StatusCode);
        }

        var userData = Directory.CreateTempSubdirectory("cinesync-chromium-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(userData.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
                Timeout = 30_000,
            });
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            page.SetDefaultTimeout(30_000);
            var pageErrors = new List<string>();
            page.PageError += (_, error) => { lock (pageErrors) { pageErrors.Add(error); } output.WriteLine($"page error: {error}"); };
            page.Console += (_, message) => output.WriteLine($"console {message.Type}: {message.Text}");

            var refused = await page.GotoAsync(new Uri(a.DashboardAddress, "dashboard/").ToString());
            Assert.Equal(401, refused!.Status);

            var opened = await page.GotoAsync(new Uri(a.DashboardAddress, $"dashboard/?token={Token}").ToString());
            Assert.Equal(200, opened!.Status);
            Assert.DoesNotContain(Token, page.Url, StringComparison.Ordinal);
            await page.WaitForSelectorAsync("#status.live");
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#silos tr[data-silo]').length === 2");

            // Cluster totals.
            Assert.Equal("20", await TextAsync(page, "[data-kpi=ratings] [data-field=ratings]"));
            Assert.Equal(Number(factsA.RatingsPerMinute + factsB.RatingsPerMinute), await TextAsync(page, "[data-kpi=ratings] .value"));
            Assert.Equal("10", await TextAsync(page, "[data-kpi=active] .value"));
            Assert.Equal("10", await TextAsync(page, "[data-kpi=cold] .value"));
            Assert.Equal("70 %", await TextAsync(page, "[data-kpi=likes] .value"));
            Assert.Equal("2 / 2", await TextAsync(page, "[data-kpi=silos] .value"));
            Assert.Equal(3, factsA.Refusals + factsB.Refusals);
            Assert.Equal(Number(factsA.Failures + factsB.Failures), await TextAsync(page, "[data-kpi=failures] .value"));
            Assert.Contains("3 refused inputs", await TextAsync(page, "[data-kpi=failures]"), StringComparison.Ordinal);
            Assert.Equal(factsA.Model.Label, await TextAsync(page, "[data-kpi=model] .value"));

            // 👍 share per model.
            Assert.Contains("83 %", await TextAsync(page, "#models tr[data-model=als]"), StringComparison.Ordinal);
            Assert.Contains("50 %", await TextAsync(page, "#models tr[data-model=ease]"), StringComparison.Ordinal);

            // Each silo's row is that silo's own report.
            foreach (var (name, facts) in new[] { ("silo-a", factsA), ("silo-b", factsB) })
            {
                var row = $"#silos tr[data-silo={name}]";
                Assert.Equal(Number(facts.Ratings), await TextAsync(page, $"{row} [data-field=ratings]"));
                Assert.Equal(Number(facts.RatingsPerMinute), await TextAsync(page, $"{row} [data-field=rpm]"));
                Assert.Equal(Number(facts.ActiveUsers), await TextAsync(page, $"{row} [data-field=active]"));
                Assert.Equal(Number(facts.ColdStartUsers), await TextAsync(page, $"{row} [data-field=cold]"));
                Assert.Equal(facts.Model?.Label ?? "–", await TextAsync(page, $"{row} [data-field=model]"));
            }

            // The current model's offline metrics, as stored with it (this untuned model has training times only).
            foreach (var (name, value) in factsA.Model.OfflineMetrics)
            {
                var digits = name.StartsWith("train_seconds_", StringComparison.Ordinal) ? "0.00" : "0.0000";
                Assert.Equal(value.ToString(digits, CultureInfo.InvariantCulture), await TextAsync(page, $"#metrics tr[data-metric='{name}'] td.num"));
            }

            await ScreenshotAsync(page, "dashboard-cinesync.png");
            lock (pageErrors)
            {
                Assert.Empty(pageErrors);
            }

            // The Orleans dashboard is one click away, under the same cookie.
            var orleans = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#orleans-link"), r => r.Url.EndsWith("/dashboard/orleans/", StringComparison.Ordinal));
            Assert.Equal(200, orleans.Status);
            await page.WaitForFunctionAsync("() => document.title.includes('Orleans')");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await ScreenshotAsync(page, "dashboard-orleans.png");
        }
        finally
        {
            userData.Delete(recursive: true);
        }
    }

    /// <summary>Waits on the silo's membership updates (no polling) until it sees <paramref name="count"/> active silos.</summary>
    private static async Task WaitForActiveSilosAsync(RealSilo silo, int count)
    {
        var membership = silo.Services.GetRequiredService<IClusterMembershipService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        if (membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) >= count)
        {
            return;
        }

        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(timeout.Token))
        {
            if (snapshot.Members.Values.Count(m => m.Status == SiloStatus.Active) >= count)
            {
                return;
            }
        }
    }

    private static async Task<string> TextAsync(IPage page, string selector) => (await page.InnerTextAsync(selector)).Trim();

    /// <summary>A number as the page's <c>num()</c> writes it (integers plain, others with one decimal; below 100 only here).</summary>
    private static string Number(double value) =>
        value == Math.Floor(value) ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"screenshot: {path}");
    }
}
