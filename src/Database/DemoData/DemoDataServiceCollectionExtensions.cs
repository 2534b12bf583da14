using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Database.DemoData;

/// <summary>Registers the demo data import with a host.</summary>
public static class DemoDataServiceCollectionExtensions
{
    /// <summary>
    /// At start, when the catalogue is empty, imports MovieLens from <c>Data:Path</c> (default
    /// <c>../shared/data/ml-latest-small</c> when it exists) with the HetRec and IMDB 5000 director and
    /// cast files beside it; otherwise logs where to get MovieLens. Needs <c>AddCineSyncDatabase</c>.
    /// </summary>
    public static IServiceCollection AddCineSyncDemoData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DemoDataOptions>()
            .Bind(configuration.GetSection(DemoDataOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DownloadDirectory), "Data:DownloadDirectory must not be empty.")
            .ValidateOnStart();
        services.AddSingleton<DemoDataImportService>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoDataImportService>());
        return services;
    }
}
