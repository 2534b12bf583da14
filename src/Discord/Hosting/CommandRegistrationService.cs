using CineSync.Discord.Interactions.Routing;
using CineSync.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Discord.Hosting;

/// <summary>Bulk-overwrites the router's commands at start (globally, or in the development guild).</summary>
internal sealed class CommandRegistrationService(
    InteractionRouter router,
    DiscordRestClient rest,
    DiscordBotStatus status,
    IOptions<DiscordInteractionsOptions> options,
    ILogger<CommandRegistrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.RegisterCommands || router.CommandDefinitions.Count == 0)
        {
            return;
        }

        try
        {
            await RegisterAsync(settings, cancellationToken).ConfigureAwait(false);
        }
        catch (DiscordRestException ex) when (ex.StatusCode is System.Net.HttpStatusCode.Unauthorized)
        {
            // A wrong or revoked token: the bot cannot work, but the process hosting it must not fail to start.
            const string reason = "Discord refused the bot's token (401 Unauthorized) while registering commands.";
            if (!status.IsStopped)
            {
                HostingLog.BotStopped(logger, reason);
            }

            status.Stop(reason);
        }
    }

    private async Task RegisterAsync(DiscordInteractionsOptions settings, CancellationToken cancellationToken)
    {
        var applicationId = settings.ApplicationId
            ?? (await rest.GetCurrentApplicationAsync(cancellationToken).ConfigureAwait(false))?.Id
            ?? throw new InvalidOperationException("GET /applications/@me returned no application; set DiscordInteractionsOptions.ApplicationId.");
        if (settings.DevelopmentGuildId is { } guildId)
        {
            await rest.BulkOverwriteGuildCommandsAsync(applicationId, guildId, router.CommandDefinitions, cancellationToken).ConfigureAwait(false);
            HostingLog.CommandsRegistered(logger, router.CommandDefinitions.Count, "guild");
        }
        else
        {
            await rest.BulkOverwriteGlobalCommandsAsync(applicationId, router.CommandDefinitions, cancellationToken).ConfigureAwait(false);
            HostingLog.CommandsRegistered(logger, router.CommandDefinitions.Count, "global");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
