using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Interactions;

/// <summary>
/// A submitted modal. Reads both shapes Discord sends: legacy action rows of text inputs, and
/// Label components wrapping one input (text input value, or select values).
/// </summary>
public sealed class ModalSubmitInteraction : Interaction
{
    internal ModalSubmitInteraction(JsonInteraction json)
        : base(json)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var selections = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var component in json.Data?.Components ?? [])
        {
            Collect(component, values, selections);
        }

        Values = values;
        Selections = selections;
    }

    /// <summary>The custom_id of the submitted form.</summary>
    public string CustomId => Json.Data?.CustomId ?? "";

    /// <summary>Text input values by custom_id.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Select values inside the modal by custom_id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selections { get; }

    /// <summary>What the user entered in the input <paramref name="customId"/>, or null.</summary>
    public string? GetValue(string customId) => Values.GetValueOrDefault(customId);

    private static void Collect(JsonComponent component, Dictionary<string, string> values, Dictionary<string, IReadOnlyList<string>> selections)
    {
        if (component.CustomId is { } id)
        {
            if (component.Type == (int)ComponentType.TextInput)
            {
                values[id] = component.Value ?? "";
            }
            else if (component.Values is { } chosen)
            {
                selections[id] = chosen;
            }
        }

        if (component.Component is { } child)
        {
            Collect(child, values, selections);
        }

        foreach (var nested in component.Components ?? [])
        {
            Collect(nested, values, selections);
        }
    }
}
