using System.Collections.Concurrent;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace CineSync.Runtime.Invocation;

/// <summary>A grain class known to the process: its type, factory and grain interfaces.</summary>
/// <param name="GrainClass">The grain class.</param>
/// <param name="Factory">Builds an instance, resolving constructor arguments.</param>
/// <param name="Interfaces">The grain interfaces it implements.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed record GrainClassRegistration(Type GrainClass, Func<IGrainActivationContext, Grain> Factory, IReadOnlyList<Type> Interfaces);

/// <summary>
/// Process-wide catalogue of generated proxies and grain classes, filled by module initializers the source
/// generator emits into every assembly that declares grain interfaces or grain classes.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainRegistry
{
    private static readonly ConcurrentDictionary<Type, (GrainInterfaceDescriptor Descriptor, Func<IGrainCallSink, GrainKey, GrainReference> Proxy)> s_interfaces = new();
    private static readonly ConcurrentDictionary<uint, GrainInterfaceDescriptor> s_byId = new();
    private static readonly ConcurrentDictionary<Type, GrainClassRegistration> s_classes = new();

    /// <summary>Registers a generated proxy.</summary>
    public static void RegisterInterface(GrainInterfaceDescriptor descriptor, Func<IGrainCallSink, GrainKey, GrainReference> proxyFactory)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        s_interfaces[descriptor.InterfaceType] = (descriptor, proxyFactory);
        if (!s_byId.TryAdd(descriptor.Id, descriptor) && s_byId[descriptor.Id].InterfaceType != descriptor.InterfaceType)
        {
            throw new InvalidOperationException($"Grain interfaces {descriptor.Name} and {s_byId[descriptor.Id].Name} hash to the same wire id; rename one.");
        }
    }

    /// <summary>Registers a grain class.</summary>
    public static void RegisterGrainClass(GrainClassRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        s_classes[registration.GrainClass] = registration;
    }

    /// <summary>Makes sure the generated registrations of an assembly ran.</summary>
    public static void EnsureRegistered(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
    }

    /// <summary>The grain classes registered so far.</summary>
    public static ICollection<GrainClassRegistration> GrainClasses => s_classes.Values;

    /// <summary>The descriptor of a grain interface; throws when no proxy was generated for it.</summary>
    public static GrainInterfaceDescriptor GetInterface(Type interfaceType) => Lookup(interfaceType).Descriptor;

    /// <summary>The descriptor with this wire id, if known.</summary>
    public static bool TryGetInterface(uint id, out GrainInterfaceDescriptor descriptor) => s_byId.TryGetValue(id, out descriptor!);

    /// <summary>Creates a proxy for <typeparamref name="TInterface"/>.</summary>
    public static TInterface CreateProxy<TInterface>(IGrainCallSink sink, GrainKey key) => (TInterface)(object)ProxyCache<TInterface>.Factory(sink, key);

    private static (GrainInterfaceDescriptor Descriptor, Func<IGrainCallSink, GrainKey, GrainReference> Proxy) Lookup(Type interfaceType)
    {
        if (s_interfaces.TryGetValue(interfaceType, out var entry))
        {
            return entry;
        }

        EnsureRegistered(interfaceType.Assembly);
        return s_interfaces.TryGetValue(interfaceType, out entry)
            ? entry
            : throw new InvalidOperationException($"No proxy was generated for {interfaceType}. Is it a grain interface, and does its project reference CineSync.Runtime.Generators as an analyzer?");
    }

    private static class ProxyCache<TInterface>
    {
        public static readonly Func<IGrainCallSink, GrainKey, GrainReference> Factory = Lookup(typeof(TInterface)).Proxy;
    }
}
