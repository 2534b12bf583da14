using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CineSync.Bot.Core;

namespace CineSync.Bot.ConsoleMode;

/// <summary>Renders a <see cref="BotReply"/> as terminal text; buttons are numbered so <c>/press N</c> can press them.</summary>
internal static partial class ConsoleRenderer
{
    public static string Render(BotReply reply, IReadOnlyList<BotButton> numberedButtons, IReadOnlyDictionary<long, string>? names = null)
    {
        string Plain(string text) => ConsoleRenderer.Plain(text, names);

        var text = new StringBuilder();
        if (reply.Content is { Length: > 0 } content)
        {
            text.AppendLine(Plain(content));
        }

        foreach (var embed in reply.Embeds)
        {
            text.Append("── ").Append(Plain(embed.Title)).AppendLine(" ──");
            if (embed.Description is { Length: > 0 } description)
            {
                text.AppendLine(Plain(description));
            }

            foreach (var field in embed.FieldList)
            {
                text.Append("  ").AppendLine(Plain(field.Name));
                foreach (var line in Plain(field.Value).Split('\n'))
                {
                    text.Append("     ").AppendLine(line);
                }
            }

            if (embed.Footer is { Length: > 0 } footer)
            {
                text.Append("  (").Append(Plain(footer)).AppendLine(")");
            }
        }

        if (reply.File is { } file)
        {
            text.Append("📎 ").Append(file.Name).Append(" (").Append(file.Content.Length.ToString(CultureInfo.InvariantCulture)).AppendLine(" bytes)");
        }

        if (numberedButtons.Count > 0)
        {
            var index = 0;
            text.AppendLine("Buttons (/press N):");
            foreach (var row in reply.Rows)
            {
                text.Append(' ');
                foreach (var button in row)
                {
                    index++;
                    text.Append(" [").Append(index.ToString(CultureInfo.InvariantCulture)).Append("] ").Append(button.Emoji).Append(button.Emoji is not null && button.Label is not null ? " " : "").Append(button.Label);
                }

                text.AppendLine();
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Removes Discord markdown and turns mentions into "@name" for a named console user, "@user N" otherwise.</summary>
    public static string Plain(string text, IReadOnlyDictionary<long, string>? names = null) =>
        Mention().Replace(text.Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal), m =>
            names is not null && long.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && names.TryGetValue(id, out var name)
                ? "@" + name
                : "@user" + m.Groups[1].Value);

    [GeneratedRegex(@"<@!?(\d+)>")]
    private static partial Regex Mention();
}
