namespace CineSync.Discord.Messages;

/// <summary>A message, component, modal or command breaks one of Discord's documented limits; thrown before sending.</summary>
public sealed class DiscordLimitException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public DiscordLimitException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DiscordLimitException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public DiscordLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
