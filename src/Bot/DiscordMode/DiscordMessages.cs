using CineSync.Bot.Core;
using CineSync.Discord.Messages;

namespace CineSync.Bot.DiscordMode;

/// <summary>Renders a <see cref="BotReply"/> with the Discord library's validating builders (limits are checked before sending).</summary>
internal static class DiscordMessages
{
    public static MessageProperties Message(BotReply reply, bool isEdit)
    {
        var message = new MessageProperties
        {
            // A reply never fails on its own length: text beyond Discord's limit is cut, not turned into an apology.
            Content = reply.Content is { } content ? Rendering.Text.Truncate(content, DiscordLimits.ContentLength) : null,
            Ephemeral = reply.Ephemeral,
            RemoveComponents = isEdit && reply.Rows.Count == 0,
        };
        foreach (var embed in reply.Embeds)
        {
            var builder = new EmbedBuilder { Title = embed.Title, Description = embed.Description, Color = embed.Color, FooterText = embed.Footer };
            foreach (var field in embed.FieldList)
            {
                builder.AddField(field.Name, field.Value, field.Inline);
            }

            message.AddEmbed(builder);
        }

        foreach (var row in reply.Rows)
        {
            var actionRow = new ActionRowBuilder();
            foreach (var button in row)
            {
                var built = ButtonBuilder.Create(button.CustomId, button.Label, Style(button.Style), button.Emoji);
                built.Disabled = button.Disabled;
                actionRow.AddButton(built);
            }

            message.AddActionRow(actionRow);
        }

        if (reply.File is { } file)
        {
            message.AddAttachment(new FileAttachment(file.Name, file.Content, file.ContentType));
        }

        return message;
    }

    public static ModalBuilder Modal(BotModal modal)
    {
        var builder = new ModalBuilder(modal.CustomId, modal.Title);
        foreach (var input in modal.Inputs)
        {
            builder.AddTextInput(new TextInputBuilder(input.CustomId, input.Label) { Placeholder = input.Placeholder, Required = input.Required, MaxLength = 8 });
        }

        return builder;
    }

    private static ButtonStyle Style(BotButtonStyle style) => style switch
    {
        BotButtonStyle.Primary => ButtonStyle.Primary,
        BotButtonStyle.Success => ButtonStyle.Success,
        BotButtonStyle.Danger => ButtonStyle.Danger,
        _ => ButtonStyle.Secondary,
    };
}
