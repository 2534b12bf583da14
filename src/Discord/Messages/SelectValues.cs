namespace CineSync.Discord.Messages;

/// <summary>min_values / max_values rules shared by the selects.</summary>
internal static class SelectValues
{
    public static void Check(int? min, int? max, int available)
    {
        if (min is < 0 or > 25)
        {
            throw new DiscordLimitException($"Select min_values {min} must be between 0 and 25.");
        }

        if (max is < 1 or > 25)
        {
            throw new DiscordLimitException($"Select max_values {max} must be between 1 and 25.");
        }

        if ((min ?? 1) > (max ?? 1))
        {
            throw new DiscordLimitException($"Select min_values {min ?? 1} is above max_values {max ?? 1}.");
        }

        if (max > available)
        {
            throw new DiscordLimitException($"Select max_values {max} is above its {available} options.");
        }
    }
}
