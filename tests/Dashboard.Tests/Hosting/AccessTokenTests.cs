using System.Net;
using System.Net.Http.Headers;
using CineSync.Dashboard.Tests.Support;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Tests.Hosting;

public sealed class AccessTokenTests
{
    private const string Token = "s3cret-dashboard-token-42";

    [Fact]
    public async Task On_loopback_without_a_token_the_dashboard_and_its_api_are_open()
    {
        await using var host = await DashboardTestHost.StartAsync(o => o.BindAddress = "127.0.0.1");
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("dashboard/api/silo")).StatusCode);
        var page = await client.GetAsync("dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("CineSync", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("*")]
    [InlineData("10.1.2.3")]
    public async Task Bound_beyond_loopback_without_a_token_the_silo_refuses_to_start(string address)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardTestHost.StartAsync(o => o.BindAddress = address));

        Assert.Contains("AccessToken", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_short_token_is_refused_at_start()
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => DashboardTestHost.StartAsync(o => o.AccessToken = "short"));
    }

    [Theory]
    [InlineData("dashboard/")]
    [InlineData("dashboard/app.js")]
    [InlineData("dashboard/api/silo")]
    [InlineData("dashboard/api/cluster")]
    [InlineData("dashboard/api/methods")]
    [InlineData("dashboard/api/logs")]
    [InlineData("dashboard/api/stream")]
    public async Task With_a_token_configured_requests_without_it_get_401(string path)
    {
        await using var host = await DashboardTestHost.StartAsync(o => o.AccessToken = Token);
        using var client = host.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(path)).StatusCode);

        using var wrong = new HttpRequestMessage(HttpMethod.Get, path);
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrong)).StatusCode);
    }

    [Fact]
    public async Task With_a_token_configured_the_bearer_header_lets_the_request_in()
    {
        await using var host = await DashboardTestHost.StartAsync(o => o.AccessToken = Token);
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("dashboard/api/cluster?history=true")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("dashboard/api/grains")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("dashboard/api/recommendations")).StatusCode);
    }

    [Fact]
    public async Task The_token_in_the_address_sets_an_http_only_cookie_and_is_removed_from_the_address()
    {
        await using var host = await DashboardTestHost.StartAsync(o => o.AccessToken = Token);
        using var client = host.CreateClient();

        var login = await client.GetAsync($"dashboard/?token={Uri.EscapeDataString(Token)}");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/dashboard/", login.Headers.Location!.OriginalString);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);

        using var next = new HttpRequestMessage(HttpMethod.Get, "dashboard/api/silo");
        next.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(next)).StatusCode);
    }
}
