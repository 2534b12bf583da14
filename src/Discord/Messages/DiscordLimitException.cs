namespace CineSync.Discord.Messages;

/// <summary>A message, component, modal or command breaks one of Discord's documented limits; thrown before sending.</summary>
public sealed class DiscordLimitException : ArgumentException
{
    public DiscordLimitException()
    {
    }

    public DiscordLimitException(string message)
        : base(message)
    {
    }

    public DiscordLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
