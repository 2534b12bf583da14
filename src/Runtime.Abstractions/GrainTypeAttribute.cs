namespace CineSync.Runtime;

/// <summary>
/// Names the grain type, which keys activations and persisted state. Without it the class name is used,
/// so renaming the class would orphan its stored state: give long-lived grains an explicit name.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    /// <summary>The grain type name.</summary>
    public string Name { get; } = name;
}
