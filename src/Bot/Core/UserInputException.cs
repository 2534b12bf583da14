namespace CineSync.Bot.Core;

/// <summary>The user gave something the bot cannot use; the message says what to do instead and is shown as is.</summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UserInputException() : base("I couldn't use that input.") { }

    /// <summary>Creates the exception with a message for the user.</summary>
    public UserInputException(string message) : base(message) { }

    /// <summary>Creates the exception with a message for the user and a cause.</summary>
    public UserInputException(string message, Exception innerException) : base(message, innerException) { }
}
