using System.Net;
using RuntimeSiloOptions = CineSync.Runtime.Hosting.SiloOptions;

namespace CineSync.Silo.Hosting;

/// <summary>
/// Reads the runtime's silo settings from the <c>Silo</c> section, so several silos run on one machine
/// or many with nothing but configuration: <c>--Silo:Name=b --Silo:GatewayPort=30001 --Silo:Roles=model</c>.
/// </summary>
internal static class ClusterSettings
{
    /// <summary>The client gateway port when none is configured.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The roles a silo has when none are configured: everything, as a single machine needs.</summary>
    public static readonly string[] DefaultRoles = ["model", "taste"];

    public static void Apply(IConfigurationSection section, RuntimeSiloOptions options)
    {
        section.Bind(options, binder => binder.ErrorOnUnknownConfiguration = false);
        options.GatewayPort ??= DefaultGatewayPort;
        // The configuration binder silently leaves IPAddress properties unset, so the address is parsed here.
        if (section["GatewayAddress"] is { Length: > 0 } address)
        {
            options.GatewayAddress = IPAddress.TryParse(address, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Silo:GatewayAddress '{address}' is not an IP address.");
        }

        // "--Silo:Roles=model,taste" arrives as one string; "Silo:Roles:0=model" as a list the binder already read.
        foreach (var role in (section["Roles"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options.Roles.Add(role);
        }

        if (options.Roles.Count == 0)
        {
            foreach (var role in DefaultRoles)
            {
                options.Roles.Add(role);
            }
        }
    }
}
