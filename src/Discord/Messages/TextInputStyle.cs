namespace CineSync.Discord.Messages;

/// <summary>Single-line or multi-line text input.</summary>
public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}
