using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Messages;

/// <summary>
/// A message to send (reply, follow-up, edit or update). Mentions are suppressed unless
/// <see cref="AllowMentions"/> is set, so a movie title can never ping @everyone.
/// </summary>
public sealed class MessageProperties
{
    /// <summary>Message flag: only the invoking user sees the message.</summary>
    internal const int EphemeralFlag = 64;

    /// <summary>The message text (at most 2000 characters).</summary>
    public string? Content { get; set; }

    /// <summary>Only the user who invoked the interaction sees it (flag 64).</summary>
    public bool Ephemeral { get; set; }

    /// <summary>Let Discord parse mentions in the content (off by default).</summary>
    public bool AllowMentions { get; set; }

    /// <summary>On an edit or update, remove every component (for example after a vote settles).</summary>
    public bool RemoveComponents { get; set; }

    /// <summary>The cards (at most 10).</summary>
    public IList<EmbedBuilder> Embeds { get; } = [];

    /// <summary>The rows of buttons and selects (at most 5).</summary>
    public IList<ActionRowBuilder> Components { get; } = [];

    /// <summary>The files attached (at most 10).</summary>
    public IList<FileAttachment> Attachments { get; } = [];

    /// <summary>Sets <see cref="Content"/>; returns this message.</summary>
    public MessageProperties WithContent(string content) { Content = content; return this; }
    /// <summary>Makes the message visible only to the user who interacted; returns this message.</summary>
    public MessageProperties AsEphemeral() { Ephemeral = true; return this; }
    /// <summary>Adds a card; returns this message.</summary>
    public MessageProperties AddEmbed(EmbedBuilder embed) { Embeds.Add(embed); return this; }
    /// <summary>Adds a row of components; returns this message.</summary>
    public MessageProperties AddActionRow(ActionRowBuilder row) { Components.Add(row); return this; }
    /// <summary>Attaches a file; returns this message.</summary>
    public MessageProperties AddAttachment(FileAttachment file) { Attachments.Add(file); return this; }

    /// <summary>Checks every limit and builds the wire body.</summary>
    internal JsonMessagePayload ToJson(bool isEdit = false) => Fill(new JsonMessagePayload(), isEdit);

    internal T Fill<T>(T target, bool isEdit)
        where T : JsonMessagePayload
    {
        DiscordLimits.Length(Content, DiscordLimits.ContentLength, "Message content");
        DiscordLimits.Count(Embeds.Count, DiscordLimits.EmbedsPerMessage, "Embeds in a message");
        DiscordLimits.Count(Components.Count, DiscordLimits.ActionRows, "Action rows in a message");
        DiscordLimits.Count(Attachments.Count, DiscordLimits.Attachments, "Attachments in a message");
        var embeds = Embeds.Select(e => e.Build()).ToArray();
        var total = Embeds.Sum(e => e.CharacterCount);
        if (total > DiscordLimits.EmbedTotal)
        {
            throw new DiscordLimitException($"The message's embeds have {total} characters in total; Discord allows at most {DiscordLimits.EmbedTotal}.");
        }

        target.Content = Content;
        target.Embeds = embeds.Length > 0 ? embeds : null;
        target.Components = Components.Count > 0 ? [.. Components.Select(r => r.Build())] : RemoveComponents ? [] : null;
        target.Flags = Ephemeral && !isEdit ? EphemeralFlag : null;
        target.AllowedMentions = AllowMentions ? null : new JsonAllowedMentions { Parse = [] };
        target.Attachments = Attachments.Count == 0
            ? null
            : [.. Attachments.Select((a, i) => new JsonAttachment { Id = (ulong)i, FileName = a.FileName, Description = a.Description })];
        return target;
    }
}
