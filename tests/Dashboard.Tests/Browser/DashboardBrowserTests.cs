using System.Net;
using CineSync.Dashboard.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CineSync.Dashboard.Tests.Browser;

/// <summary>
/// Opens the dashboard in Debian's headless Chromium (driven by Playwright through ExecutablePath; no
/// browser download) against a small host with the dashboard and a fake load.
/// </summary>
public sealed class DashboardBrowserTests(ITestOutputHelper output)
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Token = "browser-test-token-0123456789";

    [Fact]
    public async Task The_page_loads_draws_live_charts_and_its_numbers_follow_the_load()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: apt-get install -y chromium");
        using var meters = new FakeSiloMeters();
        await using var host = await DashboardTestHost.StartAsync(
            o =>
            {
                o.SiloName = "silo-a";
                o.AccessToken = Token;
                o.MeterScope = meters.Scope;
                o.Roles.Add("taste");
                o.Roles.Add("model");
            },
            services =>
            {
                services.AddSingleton<IModelInfoSource>(new FixedModel());
                services.AddSingleton<IClusterMembershipView>(new TwoSilos());
            });
        await using var load = new FakeLoad(meters, host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CineSync.Grains.UserTasteGrain"));

        // Without the token the API and the page are refused.
        using (var anonymous = host.CreateClient())
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("dashboard/api/cluster")).StatusCode);
        }

        var userData = Directory.CreateTempSubdirectory("cinesync-chromium-");
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(userData.FullName, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
                ViewportSize = new ViewportSize { Width = 1440, Height = 1050 },
                Timeout = 20_000,
            });
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            page.SetDefaultTimeout(15_000);

            var refused = await page.GotoAsync(new Uri(host.BaseAddress, "dashboard/").ToString());
            Assert.Equal(401, refused!.Status);

            var opened = await page.GotoAsync(new Uri(host.BaseAddress, $"dashboard/?token={Token}").ToString());
            Assert.Equal(200, opened!.Status);
            Assert.DoesNotContain(Token, page.Url, StringComparison.Ordinal);
            await page.WaitForSelectorAsync("#status.live");
            Assert.Equal(0, await CallsPerSecondAsync(page));

            load.CallsPerBatch = 40; // about 2 000 calls/s
            await page.WaitForFunctionAsync($"() => ({CallsPerSecondScript}) > 500");
            await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#chart-calls polyline')].some(p => p.points.numberOfItems >= 4)");
            // …and follows it down: the last second's rate (the chart legend) drops when the load does.
            var high = await LastSecondCallsAsync(page);
            load.CallsPerBatch = 5;
            await page.WaitForFunctionAsync($"() => ({LastSecondCallsScript}) < {high / 2}");
            Assert.True(await page.EvalOnSelectorAllAsync<int>("#chart-latency polyline", "ps => ps.length") > 0);
            Assert.Contains("silo-a", await page.InnerTextAsync("#silos"), StringComparison.Ordinal);
            Assert.Contains("silo-b", await page.InnerTextAsync("#banner"), StringComparison.Ordinal); // the silent peer is named, the page still works

            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            var overview = Path.Combine(folder, "dashboard-overview.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = overview, FullPage = true });
            output.WriteLine($"screenshot: {overview}");

            foreach (var view in new[] { "grains", "methods", "recommendations", "logs" })
            {
                await page.ClickAsync($"#nav a[data-view={view}]");
                await page.WaitForSelectorAsync($"#view-{view}:not([hidden])");
                if (view == "logs")
                {
                    await page.WaitForSelectorAsync("#logs .line");
                }

                var shot = Path.Combine(folder, $"dashboard-{view}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
                output.WriteLine($"screenshot: {shot}");
            }

            Assert.Contains("2026.11.21-als", await page.InnerTextAsync("#rec-kpis"), StringComparison.Ordinal);
        }
        finally
        {
            userData.Delete(recursive: true);
        }
    }

    /// <summary>The calls/s figure on the overview (10 s average).</summary>
    private const string CallsPerSecondScript = $"{ParseNumber}(document.querySelector('[data-kpi=calls] .value').textContent.trim())";

    /// <summary>The last second's calls/s, shown in the chart's legend.</summary>
    private const string LastSecondCallsScript = $"{ParseNumber}(document.querySelector('#legend-calls .legend-item b').textContent.trim())";

    /// <summary>Reads "1,234", "12.3k" or "1.2M" as the page formats them.</summary>
    private const string ParseNumber = "(t => parseFloat(t.replace(/,/g, '')) * (t.endsWith('k') ? 1e3 : t.endsWith('M') ? 1e6 : 1))";

    private static Task<double> CallsPerSecondAsync(IPage page) => page.EvaluateAsync<double>($"() => {CallsPerSecondScript}");

    private static Task<double> LastSecondCallsAsync(IPage page) => page.EvaluateAsync<double>($"() => {LastSecondCallsScript}");

    /// <summary>This silo and a peer whose dashboard port is closed.</summary>
    private sealed class TwoSilos : IClusterMembershipView
    {
        private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

        public ValueTask<IReadOnlyList<SiloInfo>> GetSilosAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IReadOnlyList<SiloInfo>>(
        [
            new SiloInfo("silo-a", "127.0.0.1:11111", null, SiloStatus.Active, ["taste", "model"], _started),
            new SiloInfo("silo-b", "127.0.0.1:11112", new Uri("http://127.0.0.1:1/"), SiloStatus.Active, ["model"], _started.AddMinutes(-42)),
        ]);
    }

    private sealed class FixedModel : IModelInfoSource
    {
        private readonly ModelInfo _model = new(
            "2026.11.21-als",
            new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero),
            new Dictionary<string, double> { ["ndcg@10"] = 0.3412, ["recall@20"] = 0.2875, ["map@10"] = 0.1931, ["coverage"] = 0.4120 });

        public ValueTask<ModelInfo?> GetCurrentModelAsync(CancellationToken cancellationToken) => ValueTask.FromResult<ModelInfo?>(_model);
    }
}
