using System.ComponentModel;

namespace CineSync.Runtime.Invocation;

/// <summary>Options of a grain interface method, from its attributes.</summary>
[Flags]
[EditorBrowsable(EditorBrowsableState.Never)]
public enum MethodFlags
{
    /// <summary>A plain method.</summary>
    None = 0,

    /// <summary><see cref="ReadOnlyAttribute"/>.</summary>
    ReadOnly = 1,

    /// <summary><see cref="AlwaysInterleaveAttribute"/>.</summary>
    AlwaysInterleave = 2,
}

/// <summary>Static description of one grain interface method.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MethodDescriptor
{
    private static int s_nextIndex = -1;

    /// <summary>Describes a method; <paramref name="create"/> rents a call of its generated type.</summary>
    public MethodDescriptor(string name, ushort id, MethodFlags flags, Func<Invokable> create)
    {
        Name = name;
        Id = id;
        Flags = flags;
        Create = create;
        GlobalIndex = Interlocked.Increment(ref s_nextIndex);
    }

    /// <summary>The method name.</summary>
    public string Name { get; }

    /// <summary>The method's ordinal in its interface; its id on the wire.</summary>
    public ushort Id { get; }

    /// <summary>Attribute options.</summary>
    public MethodFlags Flags { get; }

    /// <summary>Rents an empty call of this method (used when reading a call off the wire).</summary>
    public Func<Invokable> Create { get; }

    /// <summary>A process-wide index, for per-method tables.</summary>
    public int GlobalIndex { get; }

    /// <summary>The interface declaring the method.</summary>
    public GrainInterfaceDescriptor Interface { get; internal set; } = null!;

    /// <summary>Whether the method is read-only.</summary>
    public bool IsReadOnly => (Flags & MethodFlags.ReadOnly) != 0;

    /// <summary>Whether the method always interleaves.</summary>
    public bool IsAlwaysInterleave => (Flags & MethodFlags.AlwaysInterleave) != 0;

    /// <summary>Upper bound of <see cref="GlobalIndex"/> so far.</summary>
    public static int Count => Volatile.Read(ref s_nextIndex) + 1;

    /// <inheritdoc />
    public override string ToString() => $"{Interface?.Name}.{Name}";
}
