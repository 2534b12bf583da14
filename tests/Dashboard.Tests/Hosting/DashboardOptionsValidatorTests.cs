using CineSync.Dashboard.Hosting;

namespace CineSync.Dashboard.Tests.Hosting;

public sealed class DashboardOptionsValidatorTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("*")]
    [InlineData("192.0.2.2")]
    [InlineData("::")]
    public void Bound_beyond_loopback_without_a_token_the_dashboard_refuses_to_start(string address)
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions { BindAddress = address });

        Assert.True(result.Failed);
        Assert.Contains("Dashboard:AccessToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    [InlineData("::1")]
    public void On_loopback_no_token_is_needed(string address)
    {
        Assert.True(new DashboardOptionsValidator().Validate(null, new DashboardOptions { BindAddress = address }).Succeeded);
    }

    [Fact]
    public void Beyond_loopback_a_long_enough_token_is_accepted_and_a_short_one_is_not()
    {
        var validator = new DashboardOptionsValidator();

        Assert.True(validator.Validate(null, new DashboardOptions { BindAddress = "0.0.0.0", AccessToken = new string('k', 16) }).Succeeded);
        var shortToken = validator.Validate(null, new DashboardOptions { BindAddress = "0.0.0.0", AccessToken = new string('k', 15) });
        Assert.True(shortToken.Failed);
        Assert.Contains("at least 16 characters", shortToken.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bind_address_that_is_not_an_address_is_refused_by_name()
    {
        var result = new DashboardOptionsValidator().Validate(null, new DashboardOptions { BindAddress = "dashboard.example" });

        Assert.Contains("'dashboard.example' is not an IP address", result.FailureMessage, StringComparison.Ordinal);
    }
}
