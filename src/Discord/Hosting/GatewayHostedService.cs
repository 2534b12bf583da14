using CineSync.Discord.Gateway;
using CineSync.Discord.Interactions;
using CineSync.Discord.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Text.Json;

namespace CineSync.Discord.Hosting;

/// <summary>
/// Starts the gateway with the host and feeds INTERACTION_CREATE events to the dispatcher, each on
/// its own task so one slow command never delays another (or the 3-second acknowledgement).
/// </summary>
internal sealed class GatewayHostedService(
    GatewayClient gateway,
    InteractionDispatcher dispatcher,
    RestInteractionResponder responder,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayHostedService> logger) : BackgroundService
{
    private readonly HashSet<Task> _running = [];
    private readonly Lock _lock = new();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await gateway.StartAsync(cancellationToken).ConfigureAwait(false);
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
            // A wrong token or intents will not fix themselves: stop the application with a clear log.
            HostingLog.GatewayStopped(logger, ex);
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
