namespace CineSync.Grains.Interfaces;

/// <summary>
/// A request CineSync refuses because of what the user asked for, not because anything failed. The message is written
/// for the user ("I don't know a movie called 'Matirx' — did you mean The Matrix (1999)?"). Orleans' generated
/// serializers carry the concrete type across the wire, so the bot can tell a refusal from a fault.
/// </summary>
[GenerateSerializer, Alias("cinesync.RefusalException")]
public abstract class RefusalException : Exception
{
    /// <summary>Creates the exception with a human message.</summary>
    protected RefusalException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    protected RefusalException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The title is not in the catalogue.</summary>
[GenerateSerializer, Alias("cinesync.UnknownMovieException")]
public sealed class UnknownMovieException : RefusalException
{
    /// <summary>Creates the exception.</summary>
    public UnknownMovieException() : base("I don't know that movie.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public UnknownMovieException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownMovieException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The rating is not a half star from 0.5 to 5; nothing was stored.</summary>
[GenerateSerializer, Alias("cinesync.InvalidRatingException")]
public sealed class InvalidRatingException : RefusalException
{
    /// <summary>Creates the exception.</summary>
    public InvalidRatingException() : base("Ratings are half stars from 0.5 to 5.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public InvalidRatingException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InvalidRatingException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The genre is not one the catalogue knows.</summary>
[GenerateSerializer, Alias("cinesync.UnknownGenreException")]
public sealed class UnknownGenreException : RefusalException
{
    /// <summary>Creates the exception.</summary>
    public UnknownGenreException() : base("I don't know that genre.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public UnknownGenreException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownGenreException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A watch party request is not valid (member count, not a member, not on the shortlist).</summary>
[GenerateSerializer, Alias("cinesync.WatchPartyException")]
public sealed class WatchPartyException : RefusalException
{
    /// <summary>Creates the exception.</summary>
    public WatchPartyException() : base("That watch party request is not valid.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public WatchPartyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public WatchPartyException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>No watch party has this id (never started, or it ended with the silo that held it).</summary>
[GenerateSerializer, Alias("cinesync.PartyNotFoundException")]
public sealed class PartyNotFoundException : RefusalException
{
    /// <summary>Creates the exception.</summary>
    public PartyNotFoundException() : base("I can't find that watch party any more — start a new one with /watch_party.") { }

    /// <summary>Creates the exception with a human message.</summary>
    public PartyNotFoundException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PartyNotFoundException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>
/// Recommendations cannot be computed yet: the first model is still training, or no silo with the <c>model</c> role is
/// up. The message is meant for the user.
/// </summary>
[GenerateSerializer, Alias("cinesync.ModelNotReadyException")]
public sealed class ModelNotReadyException : RefusalException
{
    /// <summary>The message users read.</summary>
    public const string WarmingUp = "Recommendations are warming up — try again shortly.";

    /// <summary>Creates the exception.</summary>
    public ModelNotReadyException() : base(WarmingUp) { }

    /// <summary>Creates the exception with a human message.</summary>
    public ModelNotReadyException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ModelNotReadyException(string message, Exception innerException) : base(message, innerException) { }
}
