using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>
/// A modal of 1–5 text inputs. Written in Discord's current form (each input wrapped in a Label,
/// type 18) unless <see cref="UseLegacyActionRows"/> asks for the older action-row form.
/// </summary>
public sealed class ModalBuilder(string customId, string title)
{
    private readonly List<TextInputBuilder> _inputs = [];

    /// <summary>What the submitted form sends back as its custom_id.</summary>
    public string CustomId { get; } = customId;
    /// <summary>The form's title (at most 45 characters).</summary>
    public string Title { get; } = title;

    /// <summary>Wrap inputs in action rows (type 1) with the label on the input, as before Label components existed.</summary>
    public bool UseLegacyActionRows { get; set; }

    /// <summary>Adds a text input (at most 5); returns this form.</summary>
    public ModalBuilder AddTextInput(TextInputBuilder input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _inputs.Add(input);
        return this;
    }

    internal JsonInteractionCallbackData Build()
    {
        DiscordLimits.Length(CustomId, DiscordLimits.CustomId, "Modal custom_id", min: 1);
        DiscordLimits.Length(Title, DiscordLimits.ModalTitle, "Modal title", min: 1);
        DiscordLimits.Count(_inputs.Count, DiscordLimits.ModalComponents, "Inputs in a modal", min: 1);
        foreach (var input in _inputs)
        {
            input.Validate();
        }

        return new JsonInteractionCallbackData
        {
            CustomId = CustomId,
            Title = Title,
            Components = [.. _inputs.Select(Wrap)],
        };
    }

    private JsonComponent Wrap(TextInputBuilder input) => UseLegacyActionRows
        ? new JsonComponent { Type = (int)ComponentType.ActionRow, Components = [input.BuildInput(withLabel: true)] }
        : new JsonComponent
        {
            Type = (int)ComponentType.Label,
            Label = input.Label,
            Description = input.Description,
            Component = input.BuildInput(withLabel: false),
        };
}
