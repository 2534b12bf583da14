using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// Checked at host start (<c>ValidateOnStart</c>): above all, a dashboard reachable from other machines
/// must have an access token — it refuses to start otherwise rather than serve the cluster's insides openly.
/// </summary>
internal sealed class DashboardOptionsValidator : IValidateOptions<DashboardOptions>
{
    /// <summary>Shorter tokens are guessable.</summary>
    public const int MinimumTokenLength = 16;

    public ValidateOptionsResult Validate(string? name, DashboardOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!BindAddress.TryParse(options.BindAddress, out var address))
        {
            failures.Add($"Dashboard:BindAddress '{options.BindAddress}' is not an IP address, 'localhost' or '*'.");
        }
        else if (!BindAddress.IsLoopback(address) && string.IsNullOrEmpty(options.AccessToken))
        {
            failures.Add($"Dashboard:BindAddress '{options.BindAddress}' is reachable from other machines: set Dashboard:AccessToken (at least {MinimumTokenLength} characters) or bind to 127.0.0.1.");
        }

        if (options.AccessToken is { } token && token.Length < MinimumTokenLength)
        {
            failures.Add($"Dashboard:AccessToken must be at least {MinimumTokenLength} characters.");
        }

        if (options.Port is < 0 or > 65535)
        {
            failures.Add($"Dashboard:Port {options.Port} is outside 0–65535.");
        }

        if (string.IsNullOrWhiteSpace(options.SiloName))
        {
            failures.Add("Dashboard:SiloName is required.");
        }

        if (options.PeerTimeout <= TimeSpan.Zero || options.PeerTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add("Dashboard:PeerTimeout must be between 0 and 30 seconds.");
        }

        if (options.LogCapacity is < 1 or > 100_000)
        {
            failures.Add("Dashboard:LogCapacity must be between 1 and 100000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
