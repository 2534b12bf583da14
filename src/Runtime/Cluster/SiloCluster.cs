using System.Collections.Concurrent;
using CineSync.Runtime.Core;
using CineSync.Runtime.Invocation;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;

namespace CineSync.Runtime.Cluster;

/// <summary>
/// A silo's cluster machinery: membership, links to peer silos and placement. Stateful grains live on the
/// silo with the highest rendezvous score among the active silos that have the grain's role; stateless
/// workers run locally when this silo has the role, otherwise on a compatible peer.
/// </summary>
internal sealed class SiloCluster : IAsyncDisposable
{
    /// <summary>A call is forwarded at most this many times between silos (views can briefly disagree).</summary>
    public const byte MaxHops = 3;

    private readonly ConcurrentDictionary<SiloAddress, SiloLink> _links = new();
    private readonly SocketConnectionContextFactory _transportFactory;
    private readonly SiloRuntime _runtime;

    public SiloCluster(SiloRuntime runtime, MembershipTable table, MembershipEntry self, ILogger logger, Action onDeclaredDead)
    {
        _runtime = runtime;
        _transportFactory = new SocketConnectionContextFactory(new SocketConnectionFactoryOptions(), logger);
        Membership = new ClusterMembership(table, self, runtime.Options, runtime.TimeProvider, logger, OnViewChanged, onDeclaredDead);
    }

    public ClusterMembership Membership { get; }

    public SiloAddress Self => Membership.Self.Silo;

    /// <summary>
    /// Where a grain goes: null to activate here; otherwise the link to the owning silo.
    /// Throws when no silo can host it (naming the missing role).
    /// </summary>
    public SiloLink? Place(GrainClassInfo info, bool hostedHere, GrainId id, GrainInterfaceDescriptor grainInterface)
    {
        var view = Membership.PlacementView;
        if (info.IsStatelessWorker)
        {
            if (hostedHere && !Membership.IsLeaving)
            {
                return null;
            }

            var worker = Rendezvous.Choose(Rendezvous.Hash(id.ToString()), view, info.RequiredRole);
            return worker is not null && worker.Silo != Self ? Link(worker) : throw NoSilo(info, grainInterface, hostedHere);
        }

        var owner = Rendezvous.Choose(Rendezvous.Hash(id.ToString()), view, info.RequiredRole);
        if (owner is null)
        {
            // Before the first table read, or when every silo is gone: keep working locally if we can.
            return hostedHere && !Membership.IsLeaving ? null : throw NoSilo(info, grainInterface, hostedHere);
        }

        return owner.Silo == Self ? null : Link(owner);
    }

    /// <summary>Whether this silo still owns a stateful grain under the current view.</summary>
    public bool Owns(GrainClassInfo info, GrainId id)
    {
        var owner = Rendezvous.Choose(Rendezvous.Hash(id.ToString()), Membership.PlacementView, info.RequiredRole);
        return owner is null ? !Membership.IsLeaving : owner.Silo == Self;
    }

    public void CheckTimeouts(int tick, int timeoutTicks, TimeSpan timeout)
    {
        foreach (var link in _links.Values)
        {
            link.CheckTimeouts(tick, timeoutTicks, timeout);
        }
    }

    /// <summary>Drops every connection to peers at once (a crash, for tests).</summary>
    public async Task KillAsync()
    {
        await Membership.KillAsync().ConfigureAwait(false);
        foreach (var link in _links.Values)
        {
            link.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Membership.DisposeAsync().ConfigureAwait(false);
        foreach (var link in _links.Values)
        {
            await link.DisposeAsync().ConfigureAwait(false);
        }
    }

    private SiloLink Link(MembershipEntry peer) =>
        _links.GetOrAdd(peer.Silo, static (_, state) => new SiloLink(state.peer, state.name, state.factory, state.time), (peer, name: _runtime.SiloName, factory: _transportFactory, time: _runtime.TimeProvider));

    private static Exception NoSilo(GrainClassInfo info, GrainInterfaceDescriptor grainInterface, bool hostedHere) => info.RequiredRole is { } role
        ? new InvalidOperationException($"No silo with role '{role}' is available to host {grainInterface.Name}.")
        : new SiloUnavailableException($"No active silo is available to host {grainInterface.Name}{(hostedHere ? " (this silo is leaving)" : string.Empty)}.");

    private void OnViewChanged()
    {
        // Links to silos that left the view are closed, failing their calls clearly.
        var live = Membership.Snapshot.Members.Where(m => m.Status != SiloStatus.Dead).Select(m => m.Silo).ToHashSet();
        foreach (var (address, link) in _links)
        {
            if (!live.Contains(address) && _links.TryRemove(address, out _))
            {
                link.FailAll(new SiloUnavailableException($"Silo {link.Peer.Name} ({address}) was declared dead."));
                _ = link.DisposeAsync().AsTask();
            }
        }

        _runtime.Catalog.OnPlacementChanged();
    }
}
