namespace CineSync.Discord.Interactions;

/// <summary>Kinds of first answer to an interaction.</summary>
public enum InteractionCallbackType
{
    /// <summary>The answer to a ping.</summary>
    Pong = 1,
    /// <summary>A message answering the interaction.</summary>
    ChannelMessageWithSource = 4,
    /// <summary>"Thinking…" now, the message later.</summary>
    DeferredChannelMessageWithSource = 5,
    /// <summary>Acknowledges a component; the message it is on may be edited later.</summary>
    DeferredUpdateMessage = 6,
    /// <summary>Edits the message the component is on.</summary>
    UpdateMessage = 7,
    /// <summary>Suggestions for the option being typed.</summary>
    ApplicationCommandAutocompleteResult = 8,
    /// <summary>A form to fill in.</summary>
    Modal = 9,
}
