namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>One way a JSON document breaks its schema.</summary>
/// <param name="Path">Where, as a JSON path such as <c>$.data.components[0].custom_id</c>.</param>
/// <param name="Rule">The JSON-Schema keyword that failed (<c>required</c>, <c>maxLength</c>, <c>type</c>…).</param>
/// <param name="Message">A human explanation naming the expected and the actual value.</param>
/// <param name="Segments">The path as property names (string) and array indexes (int), outermost first.</param>
public sealed record SchemaViolation(string Path, string Rule, string Message, IReadOnlyList<object> Segments)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Rule}: {Message}";
}
