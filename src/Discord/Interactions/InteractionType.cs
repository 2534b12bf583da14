namespace CineSync.Discord.Interactions;

/// <summary>Kinds of interaction.</summary>
public enum InteractionType
{
    /// <summary>Discord checking that the endpoint answers.</summary>
    Ping = 1,
    /// <summary>A slash or context-menu command.</summary>
    ApplicationCommand = 2,
    /// <summary>A button press or a select choice.</summary>
    MessageComponent = 3,
    /// <summary>The user typing an option that has suggestions.</summary>
    ApplicationCommandAutocomplete = 4,
    /// <summary>A submitted form.</summary>
    ModalSubmit = 5,
}
