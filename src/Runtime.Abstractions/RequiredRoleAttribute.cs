namespace CineSync.Runtime;

/// <summary>The grain class activates only on silos configured with this role (for example <c>model</c>).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequiredRoleAttribute(string role) : Attribute
{
    /// <summary>The role a silo must have to host this grain class.</summary>
    public string Role { get; } = role;
}
