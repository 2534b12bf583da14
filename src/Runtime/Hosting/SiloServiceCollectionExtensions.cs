using CineSync.Runtime.Core;
using CineSync.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Hosts a CineSync silo in a .NET host (for example an ASP.NET Core WebApplication).</summary>
public static class SiloServiceCollectionExtensions
{
    /// <summary>
    /// Adds a silo: the runtime, the hosted <see cref="CineSync.Runtime.IGrainFactory"/> and, when
    /// <see cref="SiloOptions.GatewayPort"/> is set, the client gateway. Chain <c>AddGrains</c>, storage
    /// providers and filters on the returned builder.
    /// </summary>
    public static SiloBuilder AddSilo(this IServiceCollection services, Action<SiloOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<SiloOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var assemblies = new SiloGrainAssemblies();
        services.AddLogging();
        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(assemblies);
        services.AddSingleton<SiloRuntime>();
        services.AddSingleton<SiloHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SiloHostedService>());
        services.AddSingleton(sp => new SiloEndpoints(sp.GetRequiredService<SiloHostedService>()));
        services.TryAddSingleton<CineSync.Runtime.IGrainFactory>(sp => sp.GetRequiredService<SiloRuntime>().GrainFactory);
        return new SiloBuilder(services, assemblies);
    }
}
