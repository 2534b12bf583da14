using System.Text.Json;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// The values allowed by <c>const</c>/<c>enum</c> (or a oneOf of constants), hashed: Discord's type enums have
/// up to 25 members and are checked for every component, so a linear <see cref="JsonElement.DeepEquals"/> scan shows up.
/// </summary>
internal sealed class ConstantSet
{
    private readonly HashSet<long> integers = [];
    private readonly HashSet<string> strings = new(StringComparer.Ordinal);
    private readonly List<JsonElement> others = [];

    public ConstantSet(IEnumerable<JsonElement> values)
    {
        foreach (var value in values)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer))
            {
                integers.Add(integer);
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                strings.Add(value.GetString()!);
            }
            else
            {
                others.Add(value);
            }
        }
    }

    public bool Contains(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => strings.Contains(value.GetString()!),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => integers.Contains(integer) || AnyOther(value),
        _ => AnyOther(value),
    };

    private bool AnyOther(JsonElement value)
    {
        foreach (var other in others)
        {
            if (JsonElement.DeepEquals(value, other))
            {
                return true;
            }
        }

        return false;
    }
}
