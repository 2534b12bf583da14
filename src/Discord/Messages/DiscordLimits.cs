namespace CineSync.Discord.Messages;

/// <summary>Discord's documented size limits, checked by the builders before anything is sent.</summary>
public static class DiscordLimits
{
    public const int ContentLength = 2000;
    public const int EmbedsPerMessage = 10;
    public const int EmbedTitle = 256;
    public const int EmbedDescription = 4096;
    public const int EmbedFields = 25;
    public const int EmbedFieldName = 256;
    public const int EmbedFieldValue = 1024;
    public const int EmbedFooter = 2048;
    public const int EmbedAuthor = 256;
    public const int EmbedTotal = 6000;
    public const int CustomId = 100;
    public const int ActionRows = 5;
    public const int ButtonsPerRow = 5;
    public const int ButtonLabel = 80;
    public const int SelectOptions = 25;
    public const int SelectOptionLabel = 100;
    public const int SelectOptionValue = 100;
    public const int SelectOptionDescription = 100;
    public const int SelectPlaceholder = 150;
    public const int ModalTitle = 45;
    public const int ModalComponents = 5;
    public const int TextInputLabel = 45;
    public const int TextInputValue = 4000;
    public const int TextInputPlaceholder = 100;
    public const int LabelDescription = 100;
    public const int Choices = 25;
    public const int ChoiceName = 100;
    public const int ChoiceStringValue = 100;
    public const int CommandName = 32;
    public const int CommandDescription = 100;
    public const int CommandOptions = 25;
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
