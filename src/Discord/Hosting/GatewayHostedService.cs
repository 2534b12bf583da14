using System.Net;
using CineSync.Discord.Gateway;
using CineSync.Discord.Interactions;
using CineSync.Discord.Rest;
using CineSync.Discord.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using System.Text.Json;

namespace CineSync.Discord.Hosting;

/// <summary>
/// Starts the gateway with the host and feeds INTERACTION_CREATE events to the dispatcher, each on
/// its own task so one slow command never delays another (or the 3-second acknowledgement). A wrong token or
/// forbidden intents stop the bot only (<see cref="DiscordBotStatus"/>), unless
/// <see cref="DiscordInteractionsOptions.StopHostWhenBotStops"/> asks to stop the host too.
/// </summary>
internal sealed class GatewayHostedService(
    GatewayClient gateway,
    InteractionDispatcher dispatcher,
    RestInteractionResponder responder,
    DiscordBotStatus status,
    IOptions<DiscordInteractionsOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayHostedService> logger) : BackgroundService
{
    private readonly HashSet<Task> _running = [];
    private readonly Lock _lock = new();
    private bool _started;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!status.IsStopped)
        {
            try
            {
                await gateway.StartAsync(cancellationToken).ConfigureAwait(false);
                _started = true;
            }
            catch (DiscordRestException ex) when (ex.StatusCode is HttpStatusCode.Unauthorized)
            {
                StopBot("Discord refused the bot's token (401 Unauthorized) on GET /gateway/bot.");
            }
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await gateway.StopAsync(cancellationToken).ConfigureAwait(false);
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_started)
        {
            return;
        }

        try
        {
            await foreach (var gatewayEvent in gateway.Events.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                if (gatewayEvent.Name != GatewayEvent.InteractionCreate)
                {
                    continue;
                }

                try
                {
                    var json = gatewayEvent.Data.Deserialize(DiscordJsonContext.Default.JsonInteraction);
                    if (json is not null)
                    {
                        Track(Task.Run(() => dispatcher.DispatchAsync(json, responder, stoppingToken), CancellationToken.None));
                    }
                }
                catch (JsonException ex)
                {
                    HostingLog.BadInteraction(logger, gatewayEvent.ShardId, ex);
                }
            }
        }
        catch (Exception ex) when (ex is GatewayFatalException || ex.InnerException is GatewayFatalException)
        {
            StopBot((ex as GatewayFatalException ?? (GatewayFatalException)ex.InnerException!).Message);
        }
    }

    /// <summary>A wrong token or intents will not fix themselves: the bot stops with a clear critical line.</summary>
    private void StopBot(string reason)
    {
        // The line first: whoever waits on the status reads the log after it.
        if (!status.IsStopped)
        {
            HostingLog.BotStopped(logger, reason);
        }

        status.Stop(reason);

        if (options.Value.StopHostWhenBotStops)
        {
            lifetime.StopApplication();
        }
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _running.Add(task);
        }

        task.ContinueWith(
            t =>
            {
                lock (_lock)
                {
                    _running.Remove(t);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
