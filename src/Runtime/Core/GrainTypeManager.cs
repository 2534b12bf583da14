using CineSync.Runtime.Invocation;
using CineSync.Runtime.Metrics;

namespace CineSync.Runtime.Core;

/// <summary>Maps grain interfaces to the grain classes this silo may host (honouring required roles).</summary>
internal sealed class GrainTypeManager
{
    private readonly Dictionary<Type, List<GrainClassInfo>> _byInterface = [];
    private readonly Dictionary<Type, string> _excludedByRole = [];
    private readonly Dictionary<Type, GrainClassInfo> _excludedClasses = [];
    private GrainClassInfo?[] _resolved = [];

    public GrainTypeManager(IEnumerable<GrainClassRegistration> registrations, IReadOnlyCollection<string> roles, RuntimeMetrics metrics)
    {
        foreach (var registration in registrations)
        {
            var info = new GrainClassInfo(registration, metrics);
            foreach (var grainInterface in registration.Interfaces)
            {
                if (info.RequiredRole is { } role && !roles.Contains(role, StringComparer.OrdinalIgnoreCase))
                {
                    _excludedByRole[grainInterface] = role;
                    _excludedClasses[grainInterface] = info;
                    continue;
                }

                if (!_byInterface.TryGetValue(grainInterface, out var list))
                {
                    _byInterface[grainInterface] = list = [];
                }

                list.Add(info);
            }

            Classes.Add(info);
        }
    }

    public List<GrainClassInfo> Classes { get; } = [];

    public GrainClassInfo Resolve(GrainInterfaceDescriptor grainInterface)
    {
        var resolved = _resolved;
        var index = grainInterface.Index;
        return (uint)index < (uint)resolved.Length && resolved[index] is { } info ? info : ResolveSlow(grainInterface);
    }

    /// <summary>
    /// Like <see cref="Resolve"/>, but in a cluster also returns classes this silo lacks the role for
    /// (<paramref name="hostedHere"/> false) so that placement can send their calls to a compatible silo.
    /// </summary>
    public GrainClassInfo ResolveForPlacement(GrainInterfaceDescriptor grainInterface, bool clustered, out bool hostedHere)
    {
        // Written only in the constructor: safe to read without the lock.
        if (clustered && _excludedClasses.TryGetValue(grainInterface.InterfaceType, out var remote))
        {
            hostedHere = false;
            return remote;
        }

        hostedHere = true;
        return Resolve(grainInterface);
    }

    private GrainClassInfo ResolveSlow(GrainInterfaceDescriptor grainInterface)
    {
        lock (_byInterface)
        {
            if (!_byInterface.TryGetValue(grainInterface.InterfaceType, out var candidates) || candidates.Count == 0)
            {
                throw _excludedByRole.TryGetValue(grainInterface.InterfaceType, out var role)
                    ? new InvalidOperationException($"No silo with role '{role}' is available to host {grainInterface.Name}.")
                    : new InvalidOperationException($"No grain class implementing {grainInterface.Name} is registered in this silo (add its assembly with AddGrains).");
            }

            if (candidates.Count > 1)
            {
                throw new InvalidOperationException($"Several grain classes implement {grainInterface.Name}: {string.Join(", ", candidates.Select(c => c.GrainType))}.");
            }

            var resolved = _resolved;
            if (grainInterface.Index >= resolved.Length)
            {
                Array.Resize(ref resolved, Math.Max(GrainInterfaceDescriptor.Count, grainInterface.Index + 1));
            }

            resolved[grainInterface.Index] = candidates[0];
            Volatile.Write(ref _resolved, resolved);
            return candidates[0];
        }
    }
}
