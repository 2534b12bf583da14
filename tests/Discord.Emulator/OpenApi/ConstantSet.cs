using System.Text.Json;

namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>
/// The values allowed by <c>const</c>/<c>enum</c> (or a oneOf of constants), hashed: Discord's type enums have
/// up to 25 members and are checked for every component, so a linear <see cref="JsonElement.DeepEquals"/> scan shows up.
/// </summary>
internal sealed class ConstantSet
{
    private readonly HashSet<long> _integers = [];
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly List<JsonElement> _others = [];

    public ConstantSet(IEnumerable<JsonElement> values)
    {
        foreach (var value in values)
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var integer))
            {
                _integers.Add(integer);
            }
            else if (value.ValueKind == JsonValueKind.String)
            {
                _strings.Add(value.GetString()!);
            }
            else
            {
                _others.Add(value);
            }
        }
    }

    public bool Contains(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => _strings.Contains(value.GetString()!),
        JsonValueKind.Number when value.TryGetInt64(out var integer) => _integers.Contains(integer) || AnyOther(value),
        _ => AnyOther(value),
    };

    private bool AnyOther(JsonElement value)
    {
        foreach (var other in _others)
        {
            if (JsonElement.DeepEquals(value, other))
            {
                return true;
            }
        }

        return false;
    }
}
