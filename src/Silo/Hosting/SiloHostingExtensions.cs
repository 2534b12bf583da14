using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace CineSync.Silo.Hosting;

/// <summary>Wires the silo's own HTTP host: options, loopback binding and the "silo is up" line.</summary>
public static class SiloHostingExtensions
{
    /// <summary>
    /// Binds HTTP to <c>Silo:HttpAddress:Silo:HttpPort</c> (default http://127.0.0.1:5080) unless
    /// <c>--urls</c>, ASPNETCORE_URLS or Kestrel:Endpoints say otherwise, validates the silo options
    /// at start and logs the /health URL once the server listens.
    /// </summary>
    public static WebApplicationBuilder AddCineSyncSiloHost(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IValidateOptions<SiloOptions>, SiloOptionsValidator>();
        builder.Services.AddOptions<SiloOptions>().Bind(builder.Configuration.GetSection(SiloOptions.SectionName)).ValidateOnStart();
        builder.Services.AddHostedService<SiloReadyAnnouncer>();

        // One line per request is noise on a console; configuration (Logging:LogLevel) can still turn it on.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        var urlsGiven = !string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            || builder.Configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!urlsGiven)
        {
            var options = ReadSiloOptions(builder.Configuration);
            builder.WebHost.UseUrls($"http://{options.HttpAddress}:{options.HttpPort}");
        }

        return builder;
    }

    /// <summary>
    /// The <c>Silo</c> section, validated now: the HTTP binding and the Orleans silo are configured from it while the
    /// host is built, before the options system would validate it.
    /// </summary>
    internal static SiloOptions ReadSiloOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection(SiloOptions.SectionName).Get<SiloOptions>() ?? new SiloOptions();
        var validation = new SiloOptionsValidator().Validate(null, options);
        return validation.Failed
            ? throw new OptionsValidationException(SiloOptions.SectionName, typeof(SiloOptions), validation.Failures)
            : options;
    }
}
