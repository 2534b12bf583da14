using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CineSync.Silo.Hosting;

/// <summary>Wires the silo's own HTTP host: options, its HTTP endpoint and the "silo is up" line.</summary>
internal static class SiloHostingExtensions
{
    /// <summary>
    /// Listens for HTTP on <c>Silo:HttpAddress:Silo:HttpPort</c> (default http://127.0.0.1:5080), or on the addresses of
    /// <c>--urls</c> / ASPNETCORE_URLS when given, or leaves it to <c>Kestrel:Endpoints</c> when that is configured;
    /// validates the silo options at start and logs the /health URL once the server listens. The dashboard adds its own
    /// endpoint to the same server.
    /// </summary>
    public static WebApplicationBuilder AddCineSyncSiloHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<CineSyncSiloOptions>, CineSyncSiloOptionsValidator>();
        builder.Services.AddOptions<CineSyncSiloOptions>().Bind(builder.Configuration.GetSection(CineSyncSiloOptions.SectionName)).ValidateOnStart();
        builder.Services.AddHostedService<SiloReadyAnnouncer>();

        // One line per request is noise on a console; configuration (Logging:LogLevel) can still turn it on.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // Orleans' placement retries log two Information lines per grain placement through Polly: almost all of a busy
        // silo's log. Warnings (a retry that gave up) still show.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);

        if (!builder.Configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            ReadSiloOptions(builder.Configuration);
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            urls = string.IsNullOrWhiteSpace(urls) ? null : urls;

            // The listener binds these itself; left in place, Kestrel would warn that it ignores them.
            builder.WebHost.UseUrls();
            builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>>(sp => new SiloHttpListener(
                urls,
                sp.GetRequiredService<IOptions<CineSyncSiloOptions>>(),
                sp.GetRequiredService<IOptions<CineSync.Dashboard.DashboardOptions>>()));
        }

        return builder;
    }

    /// <summary>
    /// The <c>Silo</c> section, validated now: the HTTP binding and the Orleans silo are configured from it while the
    /// host is built, before the options system would validate it.
    /// </summary>
    internal static CineSyncSiloOptions ReadSiloOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(CineSyncSiloOptions.SectionName).Get<CineSyncSiloOptions>() ?? new CineSyncSiloOptions();
        var validation = new CineSyncSiloOptionsValidator().Validate(null, options);
        return validation.Failed
            ? throw new OptionsValidationException(CineSyncSiloOptions.SectionName, typeof(CineSyncSiloOptions), validation.Failures)
            : options;
    }
}
