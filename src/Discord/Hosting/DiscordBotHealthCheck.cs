using CineSync.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CineSync.Discord.Hosting;

/// <summary>The bot's entry in a health report: connected, or stopped and why (the registration's failure status).</summary>
internal sealed class DiscordBotHealthCheck(DiscordBotStatus status, IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (status.StoppedReason is { } reason)
        {
            return Task.FromResult(new HealthCheckResult(context.Registration.FailureStatus, "The Discord bot is stopped: " + reason));
        }

        var gateway = services.GetService<GatewayClient>();
        return Task.FromResult(gateway is null || gateway.ShardCount > 0
            ? HealthCheckResult.Healthy(gateway is null ? "The Discord bot is running." : $"The Discord bot is on the gateway ({gateway.ShardCount} shard(s)).")
            : HealthCheckResult.Healthy("The Discord bot is starting."));
    }
}
