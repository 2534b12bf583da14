using System.ComponentModel;
using System.Text;

namespace CineSync.Runtime.Invocation;

/// <summary>Static description of a grain interface: its methods and wire id.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GrainInterfaceDescriptor
{
    private static int s_nextIndex = -1;

    /// <summary>Describes an interface.</summary>
    public GrainInterfaceDescriptor(Type interfaceType, IReadOnlyList<MethodDescriptor> methods)
    {
        ArgumentNullException.ThrowIfNull(interfaceType);
        ArgumentNullException.ThrowIfNull(methods);
        InterfaceType = interfaceType;
        Name = interfaceType.FullName ?? interfaceType.Name;
        Id = Fnv1a(Name);
        Methods = methods;
        Index = Interlocked.Increment(ref s_nextIndex);
        foreach (var method in methods)
        {
            method.Interface = this;
        }
    }

    /// <summary>The interface type.</summary>
    public Type InterfaceType { get; }

    /// <summary>The interface's full name.</summary>
    public string Name { get; }

    /// <summary>A stable hash of <see cref="Name"/>: the interface's id on the wire.</summary>
    public uint Id { get; }

    /// <summary>A process-wide index, for per-interface tables.</summary>
    public int Index { get; }

    /// <summary>The methods, indexed by <see cref="MethodDescriptor.Id"/>.</summary>
    public IReadOnlyList<MethodDescriptor> Methods { get; }

    /// <summary>Upper bound of <see cref="Index"/> so far.</summary>
    public static int Count => Volatile.Read(ref s_nextIndex) + 1;

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }
}
