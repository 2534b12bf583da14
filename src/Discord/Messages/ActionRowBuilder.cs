using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>A row of up to 5 buttons, or exactly one select.</summary>
public sealed class ActionRowBuilder
{
    private readonly List<ButtonBuilder> _buttons = [];
    private Func<JsonComponent>? _select;

    /// <summary>Adds a button (at most 5 a row); returns this row.</summary>
    public ActionRowBuilder AddButton(ButtonBuilder button)
    {
        ArgumentNullException.ThrowIfNull(button);
        _buttons.Add(button);
        return this;
    }

    /// <summary>Makes the row a text select (a select fills its row); returns this row.</summary>
    public ActionRowBuilder WithSelect(StringSelectBuilder select)
    {
        ArgumentNullException.ThrowIfNull(select);
        _select = select.Build;
        return this;
    }

    /// <summary>Makes the row a user select (a select fills its row); returns this row.</summary>
    public ActionRowBuilder WithSelect(UserSelectBuilder select)
    {
        ArgumentNullException.ThrowIfNull(select);
        _select = select.Build;
        return this;
    }

    internal JsonComponent Build()
    {
        if (_select is not null && _buttons.Count > 0)
        {
            throw new DiscordLimitException("An action row holds either buttons or one select, not both.");
        }

        if (_select is null)
        {
            DiscordLimits.Count(_buttons.Count, DiscordLimits.ButtonsPerRow, "Buttons in an action row", min: 1);
        }

        return new JsonComponent
        {
            Type = (int)ComponentType.ActionRow,
            Components = _select is null ? [.. _buttons.Select(b => b.Build())] : [_select()],
        };
    }
}
