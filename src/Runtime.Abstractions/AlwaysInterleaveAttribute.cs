namespace CineSync.Runtime;

/// <summary>Marks a grain interface method whose calls interleave with any other call.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AlwaysInterleaveAttribute : Attribute;
