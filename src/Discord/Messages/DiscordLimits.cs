namespace CineSync.Discord.Messages;

/// <summary>Discord's documented size limits, checked by the builders before anything is sent.</summary>
public static class DiscordLimits
{
    /// <summary>Most characters of a message's text (2,000).</summary>
    public const int ContentLength = 2000;
    /// <summary>Most cards in one message (10).</summary>
    public const int EmbedsPerMessage = 10;
    /// <summary>Most characters of a card's title (256).</summary>
    public const int EmbedTitle = 256;
    /// <summary>Most characters of a card's text (4,096).</summary>
    public const int EmbedDescription = 4096;
    /// <summary>Most fields on one card (25).</summary>
    public const int EmbedFields = 25;
    /// <summary>Most characters of a field's name (256).</summary>
    public const int EmbedFieldName = 256;
    /// <summary>Most characters of a field's value (1,024).</summary>
    public const int EmbedFieldValue = 1024;
    /// <summary>Most characters of a card's footer (2,048).</summary>
    public const int EmbedFooter = 2048;
    /// <summary>Most characters of a card's author line (256).</summary>
    public const int EmbedAuthor = 256;
    /// <summary>Most characters of all the text on one message's cards together (6,000).</summary>
    public const int EmbedTotal = 6000;
    /// <summary>Most characters of a custom_id (100).</summary>
    public const int CustomId = 100;
    /// <summary>Most rows of components in one message (5).</summary>
    public const int ActionRows = 5;
    /// <summary>Most buttons in one row (5).</summary>
    public const int ButtonsPerRow = 5;
    /// <summary>Most characters of a button's label (80).</summary>
    public const int ButtonLabel = 80;
    /// <summary>Most choices in one select (25).</summary>
    public const int SelectOptions = 25;
    /// <summary>Most characters of a choice's label (100).</summary>
    public const int SelectOptionLabel = 100;
    /// <summary>Most characters of a choice's value (100).</summary>
    public const int SelectOptionValue = 100;
    /// <summary>Most characters of a choice's description (100).</summary>
    public const int SelectOptionDescription = 100;
    /// <summary>Most characters of a select's placeholder (150).</summary>
    public const int SelectPlaceholder = 150;
    /// <summary>Most characters of a form's title (45).</summary>
    public const int ModalTitle = 45;
    /// <summary>Most inputs in one form (5).</summary>
    public const int ModalComponents = 5;
    /// <summary>Most characters of an input's label (45).</summary>
    public const int TextInputLabel = 45;
    /// <summary>Most characters a user may enter in one input (4,000).</summary>
    public const int TextInputValue = 4000;
    /// <summary>Most characters of an input's placeholder (100).</summary>
    public const int TextInputPlaceholder = 100;
    /// <summary>Most characters of a label's description (100).</summary>
    public const int LabelDescription = 100;
    /// <summary>Most fixed choices or autocomplete suggestions of one option (25).</summary>
    public const int Choices = 25;
    /// <summary>Most characters of a choice's name (100).</summary>
    public const int ChoiceName = 100;
    /// <summary>Most characters of a text choice's value (100).</summary>
    public const int ChoiceStringValue = 100;
    /// <summary>Most characters of a command's or option's name (32).</summary>
    public const int CommandName = 32;
    /// <summary>Most characters of a command's or option's description (100).</summary>
    public const int CommandDescription = 100;
    /// <summary>Most options of one command (25).</summary>
    public const int CommandOptions = 25;
    /// <summary>Most files attached to one message (10).</summary>
    public const int Attachments = 10;

    internal static void Length(string? value, int max, string what, int min = 0)
    {
        var length = value?.Length ?? 0;
        if (length > max)
        {
            throw new DiscordLimitException($"{what} is {length} characters; Discord allows at most {max}.");
        }

        if (length < min)
        {
            throw new DiscordLimitException(min == 1 ? $"{what} is required." : $"{what} is {length} characters; Discord requires at least {min}.");
        }
    }

    internal static void Count(int count, int max, string what, int min = 0)
    {
        if (count > max)
        {
            throw new DiscordLimitException($"{what}: {count} given; Discord allows at most {max}.");
        }

        if (count < min)
        {
            throw new DiscordLimitException($"{what}: {count} given; Discord requires at least {min}.");
        }
    }
}
