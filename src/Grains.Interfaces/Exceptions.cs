namespace CineSync.Grains.Interfaces;

/// <summary>
/// The title is not in the catalogue. The message is meant for the user ("I don't know a movie called 'Matirx' —
/// did you mean The Matrix (1999)?"). Grain exceptions cross the wire as type + message, so only the message carries detail.
/// </summary>
public sealed class UnknownMovieException : Exception
{
    /// <summary>Creates the exception.</summary>
    public UnknownMovieException() : base("I don't know that movie.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public UnknownMovieException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownMovieException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The rating is not a half star from 0.5 to 5; nothing was stored. The message is meant for the user.</summary>
public sealed class InvalidRatingException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidRatingException() : base("Ratings are half stars from 0.5 to 5.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public InvalidRatingException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidRatingException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A watch party request is not valid (member count, not a member, not on the shortlist). The message is meant for the user.</summary>
public sealed class WatchPartyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WatchPartyException() : base("That watch party request is not valid.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public WatchPartyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WatchPartyException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>No trained model is available yet (the first one is still training). The message is meant for the user.</summary>
public sealed class ModelNotReadyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelNotReadyException() : base("The recommender is still training its first model; try again in a minute.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public ModelNotReadyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelNotReadyException(string message, Exception innerException) : base(message, innerException) { }
}
