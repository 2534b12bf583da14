using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CineSync.Dashboard.Access;
using CineSync.Dashboard.Tests.Support;
using CineSync.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CineSync.Dashboard.Tests.Hosting;

/// <summary>The access rules on the real silo host, over real sockets.</summary>
[Collection(DashboardDatabaseCollection.Name)]
public sealed class DashboardOnTheSiloTests(DashboardDatabase database, ITestOutputHelper output)
{
    private const string Token = "on-the-silo-dashboard-token-0123";

    /// <summary>Orleans' endpoint that activates a grain and calls its methods: the one that must never be open.</summary>
    private const string GrainState = "dashboard/orleans/GrainState?grainType=CineSync.Grains.Diagnostics.SiloFactsGrain&grainId=x";

    [Fact]
    public async Task From_another_address_every_dashboard_route_answers_401_without_the_token_and_serves_with_it()
    {
        var address = MachineAddress.NonLoopback();
        if (address is null)
        {
            await RefusedThroughThePipelineAsync();
            return;
        }

        var httpPort = FreePorts.Next();
        await using var silo = await RealSilo.StartAsync(
            database.ConnectionString,
            $"--Dashboard:BindAddress={address}",
            $"--Dashboard:AccessToken={Token}",
            $"--urls=http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}");
        Assert.Equal(address, IPAddress.Parse(silo.DashboardAddress.Host));
        output.WriteLine($"dashboard on {silo.DashboardAddress}, requests from {address}");
        using var client = Client(silo.DashboardAddress);

        foreach (var path in new[] { GrainState, "dashboard/orleans/Trace", "dashboard/orleans/", "dashboard/orleans/ClusterStats", "dashboard/", "dashboard/api/cluster", "dashboard/app.js" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, path, bearer: Token + "x")).StatusCode);
        }

        using (var state = await SendAsync(client, GrainState, bearer: Token))
        {
            Assert.Equal(HttpStatusCode.OK, state.StatusCode);
            Assert.Equal("application/json", state.Content.Headers.ContentType?.MediaType);
        }

        using (var orleans = await SendAsync(client, "dashboard/orleans/", bearer: Token))
        {
            Assert.Equal(HttpStatusCode.OK, orleans.StatusCode);
            Assert.Contains("Orleans Dashboard", await orleans.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var cluster = await SendAsync(client, "dashboard/api/cluster", bearer: Token))
        {
            Assert.Equal(HttpStatusCode.OK, cluster.StatusCode);
            Assert.Contains($"\"name\":\"{silo.Name}\"", await cluster.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A browser opens ?token= once; the cookie it gets then opens Orleans' pages too.
        using var login = await client.GetAsync($"dashboard/?token={Uri.EscapeDataString(Token)}");
        Assert.Equal(HttpStatusCode.Found, login.StatusCode);
        Assert.Equal("/dashboard/", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie")).Split(';')[0];
        using (var withCookie = await SendAsync(client, "dashboard/orleans/ClusterStats", cookie: cookie))
        {
            Assert.Equal(HttpStatusCode.OK, withCookie.StatusCode);
        }

        // The HTTP endpoint (here from --urls, which the silo honours) serves /health and no dashboard route, token or not.
        Assert.Equal(httpPort, silo.HttpAddress.Port);
        using var http = Client(silo.HttpAddress);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(http, GrainState, bearer: Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(http, "dashboard/", bearer: Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("dashboard/api/cluster")).StatusCode);
    }

    [Fact]
    public async Task Without_a_token_loopback_clients_get_both_dashboards()
    {
        await using var silo = await RealSilo.StartAsync(database.ConnectionString);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(silo.DashboardAddress.Host)));
        using var client = Client(silo.DashboardAddress);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(GrainState)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("dashboard/orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("dashboard/api/cluster")).StatusCode);
        using var page = await client.GetAsync("dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/dashboard/orleans/", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("health")).StatusCode);
    }

    [Fact]
    public async Task With_kestrel_endpoints_configured_health_is_served_there_and_the_dashboard_on_its_own_port()
    {
        var httpPort = FreePorts.Next();
        await using var silo = await RealSilo.StartAsync(database.ConnectionString, $"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{httpPort.ToString(CultureInfo.InvariantCulture)}");

        Assert.Equal(httpPort, silo.HttpAddress.Port);
        using var http = Client(silo.HttpAddress);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("dashboard/")).StatusCode);
        using var dashboard = Client(silo.DashboardAddress);
        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("dashboard/")).StatusCode);
    }

    [Fact]
    public async Task The_same_port_for_http_and_the_dashboard_is_refused_at_start()
    {
        var port = FreePorts.Next().ToString(CultureInfo.InvariantCulture);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RealSilo.StartAsync(database.ConnectionString, $"--Silo:HttpPort={port}", $"--Dashboard:Port={port}"));

        Assert.Contains("Dashboard:Port must differ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("*")]
    public async Task Bound_beyond_loopback_without_a_token_the_silo_refuses_to_start(string bindAddress)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => RealSilo.StartAsync(database.ConnectionString, $"--Dashboard:BindAddress={bindAddress}"));

        Assert.Contains("Dashboard:AccessToken", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Where the machine has no address but loopback, the request "from elsewhere" is handed to the host's own access
    /// middleware with that remote address, which is what a socket from another machine would amount to.
    /// </summary>
    private async Task RefusedThroughThePipelineAsync()
    {
        output.WriteLine("This machine has no non-loopback IPv4 address: checking the silo's access middleware with a remote address set instead.");
        await using var silo = await RealSilo.StartAsync(database.ConnectionString);
        var dashboard = silo.Services.GetRequiredService<ISiloDashboard>();
        var reached = false;
        var middleware = new DashboardAccessMiddleware(_ => { reached = true; return Task.CompletedTask; }, dashboard, silo.Services.GetRequiredService<DashboardAccessPolicy>());
        var context = new DefaultHttpContext { RequestServices = silo.Services };
        context.Connection.LocalPort = silo.DashboardAddress.Port;
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Path = "/dashboard/orleans/GrainState";
        context.Response.Body = new MemoryStream();

        await middleware.InvokeAsync(context);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.False(reached);
    }

    private static HttpClient Client(Uri baseAddress) => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string? bearer = null, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await client.SendAsync(request);
    }
}
