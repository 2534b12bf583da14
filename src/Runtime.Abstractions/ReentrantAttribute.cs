namespace CineSync.Runtime;

/// <summary>
/// Calls to this grain class may interleave at <c>await</c> points. Turns still never run in parallel:
/// only one piece of grain code runs at a time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
