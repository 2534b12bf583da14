using CineSync.Runtime.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.Runtime.Cluster;

/// <summary>
/// This silo's view of the cluster, kept by one loop: heartbeat (<c>i_am_alive_at</c>), read the table,
/// declare dead the peers whose heartbeat is older than <see cref="SiloOptions.MemberDeathTimeout"/>
/// (compare-and-swap, so concurrent declarers cannot corrupt the table), publish the new view, and now and
/// then delete long-dead rows. A silo that finds its own row dead calls <c>onDeclaredDead</c> (it stops).
/// </summary>
internal sealed partial class ClusterMembership(
    MembershipTable table,
    MembershipEntry self,
    SiloOptions options,
    TimeProvider timeProvider,
    ILogger logger,
    Action onChanged,
    Action onDeclaredDead) : IAsyncDisposable
{
    private const int CleanupEveryRounds = 60;
    private readonly CancellationTokenSource _stop = new();
    private MembershipSnapshot _snapshot = MembershipSnapshot.Empty;
    private IReadOnlyList<MembershipEntry> _placementView = [];
    private Task? _loop;
    private volatile bool _leaving;
    private int _viewVersion;

    public MembershipEntry Self => self;

    /// <summary>Bumped whenever the placement view changes; routes cached under an older version are recomputed.</summary>
    public int ViewVersion => Volatile.Read(ref _viewVersion);

    /// <summary>Silos that take new activations (without this silo once it is leaving).</summary>
    public IReadOnlyList<MembershipEntry> PlacementView => Volatile.Read(ref _placementView);

    public MembershipSnapshot Snapshot => Volatile.Read(ref _snapshot);

    public bool IsLeaving => _leaving;

    /// <summary>Whether other silos take activations (a lone silo leaves without waiting for anyone).</summary>
    public bool HasPeers => PlacementView.Any(m => m.Silo != self.Silo);

    public async Task JoinAsync(CancellationToken cancellationToken)
    {
        await table.JoinAsync(self, cancellationToken).ConfigureAwait(false);
        Publish(await table.ReadAsync(options.MemberDeathTimeout, cancellationToken).ConfigureAwait(false));
        LogJoined(self.Silo, table.ClusterId, Snapshot.Active.Count);
        _loop = LoopAsync(_stop.Token);
    }

    /// <summary>Stops taking new activations: marks the row <c>shutting_down</c> and drops this silo from the local view.</summary>
    public async Task BeginLeaveAsync(CancellationToken cancellationToken)
    {
        // Peers first: once they have read shutting_down (one heartbeat period) they stop sending new grains here;
        // only then does this silo drop itself from its own view and start handing grains over, so calls do not
        // bounce between a leaving silo and peers that still think it owns the grain.
        await SetOwnStatusAsync(SiloStatus.ShuttingDown, cancellationToken).ConfigureAwait(false);
        if (HasPeers)
        {
            await Task.Delay(options.HeartbeatPeriod * 2, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        _leaving = true;
        Publish(Snapshot);
    }

    /// <summary>Leaves the cluster for good: stops heartbeating and marks the row dead (kept until cleanup).</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken)
    {
        await StopLoopAsync().ConfigureAwait(false);
        await SetOwnStatusAsync(SiloStatus.Dead, cancellationToken).ConfigureAwait(false);
        LogLeft(self.Silo);
    }

    /// <summary>Stops heartbeating without touching the table (a crash, for tests).</summary>
    public Task KillAsync() => StopLoopAsync();

    public async ValueTask DisposeAsync()
    {
        await StopLoopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task StopLoopAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var round = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.HeartbeatPeriod, timeProvider, cancellationToken).ConfigureAwait(false);
                if (!await table.HeartbeatAsync(self.Silo, cancellationToken).ConfigureAwait(false))
                {
                    LogDeclaredDead(self.Silo);
                    onDeclaredDead();
                    return;
                }

                var snapshot = await table.ReadAsync(options.MemberDeathTimeout, cancellationToken).ConfigureAwait(false);
                if (await DeclareStaleDeadAsync(snapshot, cancellationToken).ConfigureAwait(false))
                {
                    snapshot = await table.ReadAsync(options.MemberDeathTimeout, cancellationToken).ConfigureAwait(false);
                }

                Publish(snapshot);
                if (++round % CleanupEveryRounds == 0)
                {
                    await table.CleanupDefunctAsync(options.DefunctSiloRetention, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a database hiccup must not end membership; the next round retries
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogRoundFailed(exception);
            }
        }
    }

    private async Task<bool> DeclareStaleDeadAsync(MembershipSnapshot snapshot, CancellationToken cancellationToken)
    {
        var changed = false;
        foreach (var member in snapshot.Members)
        {
            if (member.IsStale && member.Status != SiloStatus.Dead && member.Silo != self.Silo)
            {
                // One declaration per read: a successful one changes the table version the next one checks.
                changed = await table.TryUpdateStatusAsync(snapshot, member, SiloStatus.Dead, cancellationToken).ConfigureAwait(false);
                if (changed)
                {
                    LogDeclaredPeerDead(member.Silo, member.Name);
                }

                return true;
            }
        }

        return changed;
    }

    private async Task SetOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var snapshot = await table.ReadAsync(options.MemberDeathTimeout, cancellationToken).ConfigureAwait(false);
            var row = snapshot.Members.FirstOrDefault(m => m.Silo == self.Silo);
            if (row is null || row.Status == SiloStatus.Dead)
            {
                return;
            }

            if (await table.TryUpdateStatusAsync(snapshot, row, status, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    private void Publish(MembershipSnapshot snapshot)
    {
        var view = snapshot.Members
            .Where(m => m.Silo == self.Silo ? !_leaving && m.Status is SiloStatus.Active or SiloStatus.ShuttingDown : snapshot.Active.Contains(m))
            .ToList();
        var previous = PlacementView;
        Volatile.Write(ref _snapshot, snapshot);
        if (previous.Count == view.Count && previous.Select(m => m.Silo).SequenceEqual(view.Select(m => m.Silo)))
        {
            return;
        }

        Volatile.Write(ref _placementView, view);
        Interlocked.Increment(ref _viewVersion);
        LogViewChanged(self.Silo, string.Join(", ", view.Select(m => m.Name)));
        onChanged();
    }

    [LoggerMessage(101, LogLevel.Information, "Silo {Silo} joined cluster {ClusterId} ({Count} active silos)")]
    private partial void LogJoined(SiloAddress silo, string clusterId, int count);

    [LoggerMessage(102, LogLevel.Information, "Silo {Silo} left the cluster")]
    private partial void LogLeft(SiloAddress silo);

    [LoggerMessage(103, LogLevel.Error, "Silo {Silo} was declared dead by its peers; stopping")]
    private partial void LogDeclaredDead(SiloAddress silo);

    [LoggerMessage(104, LogLevel.Warning, "Declared silo {Silo} ({Name}) dead: no heartbeat within the death timeout")]
    private partial void LogDeclaredPeerDead(SiloAddress silo, string name);

    [LoggerMessage(105, LogLevel.Warning, "A membership round failed; retrying next period")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(106, LogLevel.Information, "Silo {Silo} placement view: [{Silos}]")]
    private partial void LogViewChanged(SiloAddress silo, string silos);
}
