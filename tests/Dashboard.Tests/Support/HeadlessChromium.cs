using Microsoft.Playwright;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>Debian's headless Chromium through Playwright (ExecutablePath; no browser download), in a throw-away profile.</summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _browser;
    private readonly DirectoryInfo _profile;

    private HeadlessChromium(IPlaywright playwright, IBrowserContext browser, DirectoryInfo profile, IPage page)
    {
        (_playwright, _browser, _profile, Page) = (playwright, browser, profile, page);
    }

    public IPage Page { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: apt-get install -y chromium");
        var profile = Directory.CreateTempSubdirectory("cinesync-chromium-");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            Timeout = 30_000,
        });
        var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return new HeadlessChromium(playwright, browser, profile, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _profile.Delete(recursive: true);
    }
}
