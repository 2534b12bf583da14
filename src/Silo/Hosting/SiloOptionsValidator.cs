using System.Net;
using Microsoft.Extensions.Options;

namespace CineSync.Silo.Hosting;

/// <summary>Checks <see cref="SiloOptions"/> at start-up.</summary>
internal sealed class SiloOptionsValidator : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        var failures = new List<string>();
        if (options.HttpPort is < 0 or > 65535)
        {
            failures.Add($"Silo:HttpPort must be between 0 and 65535 (was {options.HttpPort}).");
        }

        if (!IPAddress.TryParse(options.HttpAddress, out _) && !string.Equals(options.HttpAddress, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"Silo:HttpAddress must be an IP address or 'localhost' (was '{options.HttpAddress}').");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
