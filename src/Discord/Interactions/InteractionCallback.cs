using CineSync.Discord.Commands;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Interactions;

/// <summary>
/// The first answer to an interaction. The factories check Discord's limits at once, so a
/// too-long embed fails where it is built, not as a 400 from Discord.
/// </summary>
public sealed class InteractionCallback
{
    private readonly JsonInteractionResponse _json;

    private InteractionCallback(InteractionCallbackType type, JsonInteractionCallbackData? data, IReadOnlyList<FileAttachment>? attachments = null)
    {
        _json = new JsonInteractionResponse { Type = (int)type, Data = data };
        Attachments = attachments ?? [];
    }

    /// <summary>What kind of answer this is.</summary>
    public InteractionCallbackType Type => (InteractionCallbackType)_json.Type;

    /// <summary>Files sent with the message (multipart).</summary>
    public IReadOnlyList<FileAttachment> Attachments { get; }

    /// <summary>Answers an HTTP PING.</summary>
    public static InteractionCallback Pong() => new(InteractionCallbackType.Pong, null);

    /// <summary>Replies with a message (type 4).</summary>
    public static InteractionCallback Message(MessageProperties message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(InteractionCallbackType.ChannelMessageWithSource, message.Fill(new JsonInteractionCallbackData(), isEdit: false), [.. message.Attachments]);
    }

    /// <summary>Replies with text (type 4), optionally visible only to the user.</summary>
    public static InteractionCallback Message(string content, bool ephemeral = false)
        => Message(new MessageProperties { Content = content, Ephemeral = ephemeral });

    /// <summary>"Bot is thinking…" (type 5); finish with an edit of the original response or a follow-up.</summary>
    public static InteractionCallback DeferredMessage(bool ephemeral = false)
        => new(InteractionCallbackType.DeferredChannelMessageWithSource, ephemeral ? new JsonInteractionCallbackData { Flags = MessageProperties.EphemeralFlag } : null);

    /// <summary>Acknowledges a component without changing its message yet (type 6).</summary>
    public static InteractionCallback DeferredUpdateMessage() => new(InteractionCallbackType.DeferredUpdateMessage, null);

    /// <summary>Edits the message the component is on (type 7).</summary>
    public static InteractionCallback UpdateMessage(MessageProperties message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(InteractionCallbackType.UpdateMessage, message.Fill(new JsonInteractionCallbackData(), isEdit: true), [.. message.Attachments]);
    }

    /// <summary>Autocomplete suggestions (type 8), at most 25.</summary>
    public static InteractionCallback Autocomplete(IEnumerable<AutocompleteChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        JsonCommandOptionChoice[] json = [.. choices.Select(c => new JsonCommandOptionChoice { Name = c.Name, Value = c.Value })];
        Choices.Check(json, "Autocomplete");
        return new(InteractionCallbackType.ApplicationCommandAutocompleteResult, new JsonInteractionCallbackData { Choices = json });
    }

    /// <summary>Opens a modal (type 9).</summary>
    public static InteractionCallback Modal(ModalBuilder modal)
    {
        ArgumentNullException.ThrowIfNull(modal);
        return new(InteractionCallbackType.Modal, modal.Build());
    }

    /// <summary>The wire body.</summary>
    public JsonInteractionResponse ToJson() => _json;
}
