using System.Net;
using CineSync.Runtime.Cluster;
using CineSync.Runtime.Core;
using CineSync.Runtime.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CineSync.Runtime.Hosting;

/// <summary>
/// Runs the silo in a host: starts the runtime, gateway and (when clustered) the silo listener and membership.
/// On stop: leaves placement (<c>shutting_down</c>), stops accepting clients, lets in-flight turns finish and
/// deactivates every activation (persisting state) while still forwarding calls to the grains' new owners,
/// then leaves the membership table and closes connections.
/// </summary>
internal sealed class SiloHostedService(SiloRuntime runtime, IServiceProvider services, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private Gateway? _gateway;
    private Gateway? _siloListener;
    private NpgsqlDataSource? _membershipSource;
    private readonly Lock _stopGate = new();
    private bool _killed;
    private Task? _stopped;

    public EndPoint? GatewayEndPoint => _gateway?.EndPoint;

    /// <summary>The silo-to-silo endpoint (null when not clustered).</summary>
    public EndPoint? SiloEndPoint => _siloListener?.EndPoint;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        runtime.Start();
        var options = runtime.Options;
        var registration = services.GetService<MembershipTableRegistration>();
        if (registration is not null)
        {
            _siloListener = new Gateway(runtime, loggerFactory);
            await _siloListener.StartAsync(new IPEndPoint(options.SiloListenAddress ?? options.GatewayAddress, options.SiloPort ?? 0), cancellationToken).ConfigureAwait(false);
        }

        if (options.GatewayPort is { } port)
        {
            _gateway = new Gateway(runtime, loggerFactory);
            await _gateway.StartAsync(new IPEndPoint(options.GatewayAddress, port), cancellationToken).ConfigureAwait(false);
        }

        if (registration is not null)
        {
            await JoinClusterAsync(registration, cancellationToken).ConfigureAwait(false);
        }

        runtime.Log.Started(runtime.SiloName, string.Join(", ", options.Roles));
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Hosts may stop a service twice (a stop requested from inside, then the host's disposal): stop once.
        lock (_stopGate)
        {
            return _stopped ??= _killed ? Task.CompletedTask : StopOnceAsync(cancellationToken);
        }
    }

    private async Task StopOnceAsync(CancellationToken cancellationToken)
    {

        var cluster = runtime.Cluster;
        if (cluster is not null)
        {
            await cluster.Membership.BeginLeaveAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_gateway is not null)
        {
            await _gateway.StopAcceptingAsync().ConfigureAwait(false);
        }

        await runtime.StopAsync(cancellationToken).ConfigureAwait(false);
        if (cluster is not null)
        {
            // Peers read the table once per heartbeat period: keep forwarding until they have seen us leave.
            if (cluster.Membership.HasPeers)
            {
                await Task.Delay(runtime.Options.HeartbeatPeriod, runtime.TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            await cluster.Membership.LeaveAsync(cancellationToken).ConfigureAwait(false);
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Crashes the silo for tests: stops heartbeating and drops every connection at once, without deactivating
    /// grains or touching the membership table. Peers must detect the death themselves.
    /// </summary>
    public async Task KillAsync()
    {
        _killed = true;
        if (runtime.Cluster is { } cluster)
        {
            await cluster.KillAsync().ConfigureAwait(false);
        }

        if (_siloListener is not null)
        {
            await _siloListener.AbortAsync().ConfigureAwait(false);
        }

        if (_gateway is not null)
        {
            await _gateway.AbortAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync().ConfigureAwait(false);
            _gateway = null;
        }

        if (runtime.Cluster is { } cluster)
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
        }

        if (_siloListener is not null)
        {
            await _siloListener.DisposeAsync().ConfigureAwait(false);
            _siloListener = null;
        }

        if (_membershipSource is not null)
        {
            await _membershipSource.DisposeAsync().ConfigureAwait(false);
            _membershipSource = null;
        }
    }

    private async Task JoinClusterAsync(MembershipTableRegistration registration, CancellationToken cancellationToken)
    {
        var options = runtime.Options;
        var connectionString = await registration.ConnectionString(services).ConfigureAwait(false);
        _membershipSource = NpgsqlDataSource.Create(connectionString);
        var siloEndPoint = (IPEndPoint)_siloListener!.EndPoint!;
        if (options.AdvertisedAddress is null && (siloEndPoint.Address.Equals(IPAddress.Any) || siloEndPoint.Address.Equals(IPAddress.IPv6Any)))
        {
            throw new InvalidOperationException("The silo listens on all interfaces: set SiloOptions.AdvertisedAddress to the address other silos and clients should use.");
        }

        var address = options.AdvertisedAddress ?? siloEndPoint.Address.ToString();
        var self = new MembershipEntry(
            new SiloAddress(address, siloEndPoint.Port, runtime.TimeProvider.GetUtcNow().UtcTicks),
            runtime.SiloName,
            (_gateway?.EndPoint as IPEndPoint)?.Port,
            [.. options.Roles],
            SiloStatus.Active,
            RowVersion: 0,
            IsStale: false);
        var lifetime = services.GetService<IHostApplicationLifetime>();
        var cluster = new SiloCluster(runtime, new MembershipTable(_membershipSource, options.ClusterId), self, loggerFactory.CreateLogger<SiloCluster>(), () => lifetime?.StopApplication());
        runtime.Cluster = cluster;
        await cluster.Membership.JoinAsync(cancellationToken).ConfigureAwait(false);
    }
}
