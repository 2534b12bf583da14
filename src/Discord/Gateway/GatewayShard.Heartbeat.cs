namespace CineSync.Discord.Gateway;

internal sealed partial class GatewayShard
{
    /// <summary>
    /// Beats every <paramref name="interval"/>, the first after interval × jitter (Discord's advice,
    /// so shards do not beat in step). A beat due while the previous one is unacknowledged means
    /// the connection is a zombie: close it with a resumable code and let the loop resume.
    /// </summary>
    private async Task HeartbeatLoopAsync(GatewayConnection connection, TimeSpan interval, HeartbeatState state, CancellationTokenSource connectionCts)
    {
        var cancellationToken = connectionCts.Token;
        await Task.Delay(interval * options.Random.NextDouble(), time, cancellationToken).ConfigureAwait(false);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!state.Acked)
            {
                GatewayLog.Zombie(logger, shardId);
                state.Zombie = true;
                await connection.CloseAsync(ResumableCloseCode, "heartbeat not acknowledged", cancellationToken).ConfigureAwait(false);
                await connectionCts.CancelAsync().ConfigureAwait(false);
                return;
            }

            state.Acked = false;
            await SendHeartbeatAsync(connection, cancellationToken).ConfigureAwait(false);
            await Task.Delay(interval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Shared between the heartbeat loop and the receive loop of one connection.</summary>
    private sealed class HeartbeatState
    {
        private volatile bool _acked = true;
        private volatile bool _zombie;

        public bool Acked { get => _acked; set => _acked = value; }

        public bool Zombie { get => _zombie; set => _zombie = value; }
    }
}
