using System.Text.Json;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// <c>oneOf</c>/<c>anyOf</c>. Branches whose discriminator (JSON type, const, enum or <c>type</c> property)
/// rejects the value are pruned cheaply. When nothing matches, reporting every branch's failures is noise:
/// we report the failures of the closest surviving branch (fewest, deepest), or one "matches none" at the
/// discriminator when every branch rejected it.
/// </summary>
internal static class SchemaUnion
{
    public static void Validate(CompiledSchema owner, CompiledSchema[] branches, string rule, bool exactlyOne, JsonElement value, JsonPointer path, List<SchemaViolation> errors)
    {
        List<SchemaViolation>? best = null;
        var bestScore = int.MaxValue;
        var matches = 0;
        foreach (var branch in branches)
        {
            if (branch.QuickReject(value))
            {
                continue;
            }

            var branchErrors = new List<SchemaViolation>();
            branch.Validate(value, path, branchErrors);
            if (branchErrors.Count == 0)
            {
                matches++;
                if (!exactlyOne)
                {
                    return;
                }

                continue;
            }

            var score = (branchErrors.Count * 1000) - branchErrors.Max(error => error.Segments.Count);
            if (score < bestScore)
            {
                (best, bestScore) = (branchErrors, score);
            }
        }

        if (matches == 1)
        {
            return;
        }

        if (matches > 1)
        {
            errors.Add(CompiledSchema.Violation(path, rule, $"{CompiledSchema.Shorten(value)} matches {matches} branches of {Name(owner)}, exactly one is allowed"));
            return;
        }

        if (branches.All(branch => branch.Const is not null))
        {
            // An enum spelled as oneOf of titled constants (MessageComponentTypes, ButtonStyleTypes…).
            var names = string.Join(", ", branches.Select(branch => $"{branch.Const!.Value.GetRawText()} ({branch.Name})"));
            errors.Add(CompiledSchema.Violation(path, "enum", $"{CompiledSchema.Shorten(value)} is not one of {names}"));
            return;
        }

        if (best is not null)
        {
            errors.AddRange(best);
            return;
        }

        // Every branch rejected the discriminator: name it (e.g. $.type) when the value has one.
        var type = default(JsonElement);
        var hasType = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("type", out type);
        var shown = CompiledSchema.Shorten(hasType ? type : value);
        var where = hasType ? path.Property("type") : path;
        errors.Add(CompiledSchema.Violation(where, rule, $"{shown} matches none of: {string.Join(", ", branches.Select(Name))}"));
    }

    private static string Name(CompiledSchema schema) =>
        schema.Name ?? schema.Ref?.Name ?? (schema.Types != JsonTypes.None ? schema.Types.ToString().ToLowerInvariant() : "schema");
}
