using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CineSync.Database.Hosting;

/// <summary>Registers CineSync's database with a host.</summary>
public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDatabaseEndpoint"/> and the process's one <see cref="DatabaseDataSource"/>: at start the configured server
    /// (<c>ConnectionStrings:CineSync</c>) or else a private server in <c>Database:DataDirectory</c>,
    /// migrated before anything else starts; the private server stops when the host stops.
    /// Also adds a <c>database</c> health check.
    /// </summary>
    public static IServiceCollection AddCineSyncDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(o => o.ConnectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName) ?? o.ConnectionString)
            .Validate(o => string.IsNullOrWhiteSpace(o.ConnectionString) || IsValidConnectionString(o.ConnectionString),
                "ConnectionStrings:CineSync is not a valid PostgreSQL connection string.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString) || !string.IsNullOrWhiteSpace(o.DataDirectory),
                "Database:DataDirectory must be set when no ConnectionStrings:CineSync is configured.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Database:Timeout must be positive.")
            .Validate(o => o.MaxPoolSize > 0, "Database:MaxPoolSize must be at least 1.")
            .ValidateOnStart();

        services.TryAddSingleton<DatabaseEndpoint>();
        services.TryAddSingleton<IDatabaseEndpoint>(sp => sp.GetRequiredService<DatabaseEndpoint>());
        services.TryAddSingleton<DatabaseDataSource>();
        services.AddHostedService<DatabaseHostedService>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", HealthStatus.Unhealthy, ["ready"]);
        return services;
    }

    private static bool IsValidConnectionString(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
