namespace CineSync.Runtime;

/// <summary>Identifies one grain: its grain type name and its key.</summary>
/// <param name="Type">The grain type name (the class name, or <see cref="GrainTypeAttribute"/>).</param>
/// <param name="Key">The grain's primary key.</param>
public readonly record struct GrainId(string Type, GrainKey Key)
{
    /// <inheritdoc />
    public override string ToString() => $"{Type}/{Key}";
}
