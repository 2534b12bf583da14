using System.Threading.Channels;
using CineSync.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CineSync.Discord.Gateway;

/// <summary>
/// The gateway: runs one connection per shard and publishes every dispatch on <see cref="Events"/>.
/// Consumers read the channel on their own tasks, so a slow handler never stalls a receive loop
/// or a heartbeat.
/// </summary>
public sealed class GatewayClient : IAsyncDisposable
{
    private readonly GatewayClientOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggerFactory;
    private readonly Channel<GatewayEvent> _events;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private GatewayShard[] _shards = [];
    private Exception? _fatal;

    /// <param name="options">Token, intents, optional URL and shard overrides.</param>
    /// <param name="rest">Used for GET /gateway/bot.</param>
    /// <param name="time">Clock for heartbeats and waits.</param>
    /// <param name="loggerFactory">Optional logging.</param>
    public GatewayClient(GatewayClientOptions options, DiscordRestClient rest, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rest);
        options.Validate();
        _options = options;
        _rest = rest;
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _events = options.EventBufferCapacity is { } capacity
            ? Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(capacity) { SingleReader = false, SingleWriter = false })
            : Channel.CreateUnbounded<GatewayEvent>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    }

    /// <summary>Every dispatch of every shard, in order per shard. Completes (with the fatal error, if any) when the gateway stops.</summary>
    public ChannelReader<GatewayEvent> Events => _events.Reader;

    /// <summary>Completes when every shard stopped; faults with <see cref="GatewayFatalException"/> on a fatal close code.</summary>
    public Task Completion => _completion.Task;

    /// <summary>The number of shards the bot runs with (known after <see cref="StartAsync"/>).</summary>
    public int ShardCount { get; private set; }

    internal IReadOnlyList<GatewayShard> Shards => _shards;

    /// <summary>Finds the gateway and shard count (GET /gateway/bot unless overridden) and starts every shard.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (_shards.Length > 0)
        {
            throw new InvalidOperationException("The gateway client is already started.");
        }

        var url = _options.GatewayUrl;
        var shardCount = _options.ShardCount;
        var concurrency = _options.MaxConcurrency;
        if (url is null || shardCount is null || concurrency is null)
        {
            var info = await _rest.GetGatewayBotAsync(cancellationToken).ConfigureAwait(false);
            url ??= info.Url;
            shardCount ??= info.Shards;
            concurrency ??= info.MaxConcurrency;
        }

        ShardCount = shardCount.Value;
        var limiter = new IdentifyLimiter(_time, concurrency.Value, _options.IdentifyWindow);
        var logger = _loggerFactory.CreateLogger<GatewayClient>();
        var ids = _options.ShardIds ?? Enumerable.Range(0, ShardCount).ToArray();
        _shards = [.. ids.Select(id => new GatewayShard(id, ShardCount, url, _options, limiter, _events.Writer, _time, logger))];
        var runs = _shards.Select(shard => Task.Run(() => RunShardAsync(shard, logger), CancellationToken.None)).ToArray();
        _ = CompleteWhenStoppedAsync(runs);
    }

    /// <summary>Closes every shard (the sessions end) and waits for them to stop.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_shards.Length == 0)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            return;
        }

        foreach (var shard in _shards)
        {
            await shard.CloseAsync(cancellationToken).ConfigureAwait(false);
        }

        // Give the close handshakes a moment, then cut whatever is left.
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await _completion.Task.WaitAsync(timeout.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _completion.Task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Stops every shard and releases the connections.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunShardAsync(GatewayShard shard, ILogger logger)
    {
        try
        {
            await shard.RunAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            // A fatal close (or a bug) on one shard stops them all: the configuration is wrong for every shard.
            GatewayLog.Fatal(logger, shard.ShardId, ex);
            Interlocked.CompareExchange(ref _fatal, ex, null);
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task CompleteWhenStoppedAsync(Task[] runs)
    {
        await Task.WhenAll(runs).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _events.Writer.TryComplete(_fatal);
        if (_fatal is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(_fatal);
        }
    }
}
