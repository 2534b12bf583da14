using System.Net;
using Microsoft.Extensions.Options;

namespace CineSync.Silo.Hosting;

/// <summary>Checks <see cref="CineSyncSiloOptions"/> at start-up, naming the setting to change.</summary>
internal sealed class CineSyncSiloOptionsValidator : IValidateOptions<CineSyncSiloOptions>
{
    public ValidateOptionsResult Validate(string? name, CineSyncSiloOptions options)
    {
        var failures = new List<string>();
        foreach (var (setting, port, allowZero) in new[] { ("HttpPort", options.HttpPort, true), ("SiloPort", options.SiloPort, false), ("GatewayPort", options.GatewayPort, false) })
        {
            if (port is < 0 or > 65535 || (port == 0 && !allowZero))
            {
                failures.Add($"Silo:{setting} must be between {(allowZero ? 0 : 1)} and 65535 (was {port}).");
            }
        }

        if (options.SiloPort == options.GatewayPort)
        {
            failures.Add($"Silo:SiloPort and Silo:GatewayPort must differ (both {options.SiloPort}).");
        }

        if (!IPAddress.TryParse(options.HttpAddress, out _) && !string.Equals(options.HttpAddress, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Silo:HttpAddress must be an IP address or 'localhost' (was '{options.HttpAddress}').");
        }

        if (!IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"Silo:AdvertisedAddress must be an IP address (was '{options.AdvertisedAddress}').");
        }

        if (options.RoleList.Count == 0)
        {
            failures.Add("Silo:Roles must name at least one role (e.g. 'model,taste').");
        }

        if (options.ResponseTimeout <= TimeSpan.Zero)
        {
            failures.Add($"Silo:ResponseTimeout must be positive (was {options.ResponseTimeout}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
