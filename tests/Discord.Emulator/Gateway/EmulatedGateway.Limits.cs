using System.Globalization;

namespace CineSync.Discord.Emulator.Gateway;

/// <summary>Rules Discord enforces on clients: keep heartbeating, identify no faster than max_concurrency allows.</summary>
public sealed partial class EmulatedGateway
{
    /// <summary>Closes with 4009 when the client has been silent (no heartbeat) for <paramref name="timeout"/>.</summary>
    private async Task WatchHeartbeatsAsync(GatewayConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var last = connection.HeartbeatsReceived;
                await Task.Delay(timeout, _state.Time, cancellationToken).ConfigureAwait(false);
                if (connection.HeartbeatsReceived == last)
                {
                    Record(GatewayEventKind.Rejected, $"#{connection.Id} sent no heartbeat for {timeout.TotalSeconds:0.##} s");
                    connection.EnqueueClose(4009, "Session timed out.");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    /// <summary>Records an IDENTIFY that exceeds max_concurrency per window for its rate-limit key.</summary>
    private void CheckIdentifyRate(int shardId)
    {
        var now = _state.Time.GetUtcNow();
        var key = shardId % Math.Max(1, _state.Options.MaxConcurrency);
        _identifies.RemoveAll(entry => now - entry.At >= _state.Options.IdentifyWindow);
        if (_identifies.Any(entry => entry.Key == key))
        {
            _identifyRateViolations.Enqueue(new GatewayEvent(now, GatewayEventKind.Identified, string.Create(CultureInfo.InvariantCulture, $"shard {shardId} identified within {_state.Options.IdentifyWindow.TotalSeconds:0.#} s of another IDENTIFY with rate-limit key {key}")));
        }

        _identifies.Add((now, key));
    }
}
