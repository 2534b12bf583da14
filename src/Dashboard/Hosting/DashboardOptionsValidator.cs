using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// Checked at host start (<c>ValidateOnStart</c>): above all, a dashboard reachable from other machines must have an
/// access token. It refuses to start otherwise rather than open Orleans' grain-invoking and log-streaming endpoints.
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

        if (options.SiloTimeout <= TimeSpan.Zero || options.SiloTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add($"Dashboard:SiloTimeout must be more than 0 and at most 30 seconds (was {options.SiloTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
