namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// Where the spec and the documentation disagree and Discord accepts what the docs say (the spec's README:
/// "follow the docs, not the spec"). Each entry widens the compiled schema; nothing else is relaxed.
/// </summary>
internal static class SpecDeviations
{
    /// <summary>
    /// Permission bit sets are typed integer in the spec but documented (and sent by every library) as decimal
    /// strings, because they exceed 2^53.
    /// </summary>
    private static readonly HashSet<string> PermissionStrings = new(StringComparer.Ordinal) { "default_member_permissions" };

    public static void Apply(string propertyName, CompiledSchema schema)
    {
        if (PermissionStrings.Contains(propertyName) && schema.Types.HasFlag(JsonTypes.Integer))
        {
            schema.Types |= JsonTypes.String;
            schema.Pattern ??= new System.Text.RegularExpressions.Regex("^[0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
    }
}
