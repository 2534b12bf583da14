namespace CineSync.Runtime;

/// <summary>
/// Marks a grain interface method that does not change state: calls to read-only methods interleave
/// with each other, never with other methods.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ReadOnlyAttribute : Attribute;
