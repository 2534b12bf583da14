using System.Text.Json;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// Cheap, sound rejection for union branches: a wrong JSON type, const or enum, or a mismatching
/// discriminating <c>type</c> property. Discord's component and callback unions have up to 25 branches;
/// pruning them here keeps validation in microseconds instead of building errors for each branch.
/// </summary>
internal sealed partial class CompiledSchema
{
    /// <summary>True when <paramref name="value"/> certainly fails this schema at its own level or its <c>type</c> property.</summary>
    public bool QuickReject(JsonElement value)
    {
        if (Never || (Ref is not null && Ref.QuickReject(value)))
        {
            return true;
        }

        if (Types != JsonTypes.None && !MatchesType(value))
        {
            return true;
        }

        if ((Const is { } constant && !JsonElement.DeepEquals(value, constant))
            || (EnumSet is { } allowed && !allowed.Contains(value)))
        {
            return true;
        }

        if (AllOf is not null)
        {
            foreach (var part in AllOf)
            {
                if (part.QuickReject(value))
                {
                    return true;
                }
            }
        }

        if (OneOfConstants is { } constants && !constants.Contains(value))
        {
            return true;
        }

        return value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("type", out var discriminator)
            && Properties is not null
            && Properties.TryGetValue("type", out var typeSchema)
            && typeSchema.QuickReject(discriminator);
    }
}
