using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Dashboard.Tests.Support;

/// <summary>A minimal silo host: the dashboard on a free loopback port and whatever the test registers.</summary>
internal sealed class DashboardTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private DashboardTestHost(IHost host)
    {
        _host = host;
    }

    public IServiceProvider Services => _host.Services;

    public Uri BaseAddress => Services.GetRequiredService<ISiloDashboard>().BaseAddress!;

    public static async Task<DashboardTestHost> StartAsync(Action<DashboardOptions> configure, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging(l => l.AddConsole());
        builder.Services.AddSiloDashboard(options =>
        {
            options.Port = 0;
            configure(options);
        });
        services?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new DashboardTestHost(host);
    }

    /// <summary>An HTTP client for this host that keeps no cookies and follows no redirects.</summary>
    public HttpClient CreateClient() => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(10),
    };

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
