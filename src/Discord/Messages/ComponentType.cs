namespace CineSync.Discord.Messages;

/// <summary>Discord component types used by the client.</summary>
public enum ComponentType
{
    /// <summary>A row holding buttons or one select.</summary>
    ActionRow = 1,
    /// <summary>A button.</summary>
    Button = 2,
    /// <summary>A select of text choices.</summary>
    StringSelect = 3,
    /// <summary>A text input in a form.</summary>
    TextInput = 4,
    /// <summary>A select of users.</summary>
    UserSelect = 5,
    /// <summary>A select of roles.</summary>
    RoleSelect = 6,
    /// <summary>A select of users and roles.</summary>
    MentionableSelect = 7,
    /// <summary>A select of channels.</summary>
    ChannelSelect = 8,
    /// <summary>A label around a form input.</summary>
    Label = 18,
}
