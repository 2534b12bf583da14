using System.Net;
using CineSync.Dashboard.Access;
using Microsoft.AspNetCore.Http;

namespace CineSync.Dashboard.Tests.Access;

/// <summary>
/// The middleware on hand-made requests: any remote address and local port, so "a request from another address" is
/// tested even where the machine has no second address (the real-socket version is in DashboardOnTheSiloTests).
/// </summary>
public sealed class DashboardAccessMiddlewareTests
{
    private const int DashboardPort = 8450;
    private const int HttpPort = 5080;
    private const string Token = "s3cret-dashboard-token-42";

    [Theory]
    [InlineData("/dashboard/orleans/GrainState")]
    [InlineData("/dashboard/orleans/Trace")]
    [InlineData("/DASHBOARD/api/cluster")]
    [InlineData("/dashboard")]
    public async Task Dashboard_routes_are_not_found_on_the_silos_http_endpoint_even_from_loopback(string path)
    {
        var (context, reached) = await SendAsync(token: null, HttpPort, IPAddress.Loopback, path);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.False(reached);
    }

    [Fact]
    public async Task An_endpoint_marked_as_a_dashboard_route_is_guarded_wherever_it_is_mapped()
    {
        var (context, reached) = await SendAsync(token: null, HttpPort, IPAddress.Loopback, "/elsewhere", marked: true);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.False(reached);
    }

    [Fact]
    public async Task The_silos_other_routes_pass_through_on_its_http_endpoint()
    {
        var (_, reached) = await SendAsync(token: null, HttpPort, IPAddress.Parse("192.0.2.2"), "/health");

        Assert.True(reached);
    }

    [Theory]
    [InlineData("/dashboard/orleans/GrainState")]
    [InlineData("/dashboard/orleans/Trace")]
    [InlineData("/dashboard/api/cluster")]
    [InlineData("/dashboard/")]
    public async Task Without_a_token_a_request_from_another_address_gets_401(string path)
    {
        var (context, reached) = await SendAsync(token: null, DashboardPort, IPAddress.Parse("192.0.2.2"), path);

        Assert.Equal(StatusCodes.Status401Unauthorized, context.Response.StatusCode);
        Assert.Equal("Bearer realm=\"CineSync dashboard\"", context.Response.Headers.WWWAuthenticate.ToString());
        Assert.False(reached);
    }

    [Fact]
    public async Task Without_a_token_a_loopback_request_is_served()
    {
        var (_, reached) = await SendAsync(token: null, DashboardPort, IPAddress.IPv6Loopback, "/dashboard/orleans/GrainState");

        Assert.True(reached);
    }

    [Fact]
    public async Task With_a_token_a_request_without_it_gets_401_before_any_route_runs()
    {
        var (refused, reached) = await SendAsync(Token, DashboardPort, IPAddress.Loopback, "/dashboard/orleans/GrainState");
        Assert.Equal(StatusCodes.Status401Unauthorized, refused.Response.StatusCode);
        Assert.False(reached);

        var (_, admitted) = await SendAsync(Token, DashboardPort, IPAddress.Parse("192.0.2.2"), "/dashboard/orleans/GrainState", authorization: "Bearer " + Token);
        Assert.True(admitted);
    }

    [Fact]
    public async Task The_dashboard_endpoint_serves_nothing_but_dashboard_routes()
    {
        var (health, reached) = await SendAsync(token: null, DashboardPort, IPAddress.Loopback, "/health");
        Assert.Equal(StatusCodes.Status404NotFound, health.Response.StatusCode);
        Assert.False(reached);

        var (root, _) = await SendAsync(token: null, DashboardPort, IPAddress.Loopback, "/");
        Assert.Equal(StatusCodes.Status302Found, root.Response.StatusCode);
        Assert.Equal("/dashboard/", root.Response.Headers.Location.ToString());
    }

    [Fact]
    public async Task The_token_in_the_address_sets_an_http_only_cookie_and_redirects_to_the_address_without_it()
    {
        var (context, reached) = await SendAsync(Token, DashboardPort, IPAddress.Parse("192.0.2.2"), "/dashboard/", query: $"?token={Uri.EscapeDataString(Token)}&silo=a");

        Assert.False(reached);
        Assert.Equal(StatusCodes.Status302Found, context.Response.StatusCode);
        Assert.Equal("/dashboard/?silo=a", context.Response.Headers.Location.ToString());
        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(DashboardAccessPolicy.CookieName + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);

        var (_, withCookie) = await SendAsync(Token, DashboardPort, IPAddress.Parse("192.0.2.2"), "/dashboard/orleans/GrainState", cookie: cookie.Split(';')[0]);
        Assert.True(withCookie);
    }

    [Fact]
    public void The_redirect_after_the_token_never_leaves_the_host()
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "//evil.example/dashboard";
        context.Request.QueryString = new QueryString("?token=x");

        Assert.Equal("/dashboard/", DashboardAccessMiddleware.AddressWithoutToken(context.Request));
    }

    private static async Task<(HttpContext Context, bool Reached)> SendAsync(
        string? token,
        int localPort,
        IPAddress remote,
        string path,
        string? query = null,
        string? authorization = null,
        string? cookie = null,
        bool marked = false)
    {
        var reached = false;
        var middleware = new DashboardAccessMiddleware(_ => { reached = true; return Task.CompletedTask; }, new FixedPortDashboard(DashboardPort), new DashboardAccessPolicy(token));
        var context = new DefaultHttpContext();
        context.Connection.LocalPort = localPort;
        context.Connection.RemoteIpAddress = remote;
        context.Request.Path = path;
        context.Request.QueryString = query is null ? QueryString.Empty : new QueryString(query);
        context.Response.Body = new MemoryStream();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        if (marked)
        {
            context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(DashboardEndpointMetadata.Instance), "marked"));
        }

        await middleware.InvokeAsync(context);
        return (context, reached);
    }

    private sealed class FixedPortDashboard(int port) : ISiloDashboard
    {
        public Uri? BaseAddress => new($"http://127.0.0.1:{port}/");

        public bool IsDashboardPort(int localPort) => localPort == port;
    }
}
