namespace CineSync.Runtime;

/// <summary>
/// The version of a state class's shape, stored with each write. Bump it when the shape changes in a way
/// old readers must not misread; a stored state with a higher version than the code knows fails to load.
/// Without this attribute the version is 1.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class StateSchemaVersionAttribute(int version) : Attribute
{
    /// <summary>The schema version.</summary>
    public int Version { get; } = version;
}
