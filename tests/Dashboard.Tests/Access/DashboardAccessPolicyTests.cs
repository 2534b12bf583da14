using System.Net;
using CineSync.Dashboard.Access;

namespace CineSync.Dashboard.Tests.Access;

public sealed class DashboardAccessPolicyTests
{
    private const string Token = "s3cret-dashboard-token-42";

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.53")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Without_a_token_loopback_clients_are_served(string remote)
    {
        var policy = new DashboardAccessPolicy(token: null);

        Assert.Equal(AccessDecision.Allow, policy.Decide(new AccessRequest(IPAddress.Parse(remote), null, null, null)));
    }

    [Theory]
    [InlineData("192.0.2.2")]
    [InlineData("10.1.2.3")]
    [InlineData("fd00::2")]
    [InlineData("::ffff:192.0.2.2")]
    public void Without_a_token_a_client_on_another_address_gets_401_whatever_it_sends(string remote)
    {
        var policy = new DashboardAccessPolicy(token: null);

        Assert.Equal(AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Parse(remote), null, null, null)));
        Assert.Equal(AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Parse(remote), "Bearer anything-at-all-here", "cookie", "token")));
    }

    [Fact]
    public void A_request_without_a_remote_address_is_not_taken_for_loopback()
    {
        Assert.Equal(AccessDecision.Refuse, new DashboardAccessPolicy(token: null).Decide(new AccessRequest(null, null, null, null)));
    }

    [Fact]
    public void With_a_token_configured_it_is_required_even_from_loopback()
    {
        var policy = new DashboardAccessPolicy(Token);

        Assert.Equal(AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Loopback, null, null, null)));
        Assert.Equal(AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Parse("192.0.2.2"), null, null, null)));
    }

    [Theory]
    [InlineData("Bearer " + Token, true)]
    [InlineData("bearer " + Token, true)]
    [InlineData("Bearer " + Token + "x", false)]
    [InlineData("Bearer s3cret", false)]
    [InlineData("Basic " + Token, false)]
    [InlineData(Token, false)]
    public void Only_the_exact_bearer_token_lets_a_request_in(string authorization, bool admitted)
    {
        var policy = new DashboardAccessPolicy(Token);

        Assert.Equal(admitted ? AccessDecision.Allow : AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Parse("192.0.2.2"), authorization, null, null)));
    }

    [Fact]
    public void The_session_cookie_holds_an_hmac_of_the_token_and_lets_the_browser_in()
    {
        var policy = new DashboardAccessPolicy(Token);

        Assert.NotNull(policy.CookieValue);
        Assert.DoesNotContain(Token, policy.CookieValue, StringComparison.Ordinal);
        Assert.Equal(AccessDecision.Allow, policy.Decide(new AccessRequest(IPAddress.Parse("192.0.2.2"), null, policy.CookieValue, null)));
        Assert.Equal(AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Parse("192.0.2.2"), null, Token, null)));
        Assert.NotEqual(policy.CookieValue, new DashboardAccessPolicy(Token + "-other").CookieValue);
    }

    [Fact]
    public void A_token_in_the_address_sets_the_cookie_only_when_it_is_right()
    {
        var policy = new DashboardAccessPolicy(Token);

        Assert.Equal(AccessDecision.StoreCookieAndRedirect, policy.Decide(new AccessRequest(IPAddress.Parse("192.0.2.2"), null, null, Token)));
        Assert.Equal(AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Parse("192.0.2.2"), "Bearer " + Token, null, "wrong")));
        Assert.Equal(AccessDecision.Refuse, policy.Decide(new AccessRequest(IPAddress.Parse("192.0.2.2"), null, null, "")));
    }
}
