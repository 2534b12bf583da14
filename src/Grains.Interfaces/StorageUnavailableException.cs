namespace CineSync.Grains.Interfaces;

/// <summary>
/// PostgreSQL could not be reached (down, restarting, or too slow to answer within the silo's database timeout), so
/// nothing was saved or loaded. Not a refusal: the same request succeeds once the database is back. The message is
/// meant for the user.
/// </summary>
[GenerateSerializer, Alias("cinesync.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    /// <summary>What a user reads when a write (rating, feedback, preference) was not saved.</summary>
    public const string CouldNotSave = "I couldn't save that — please try again in a moment.";

    /// <summary>What a user reads when data the answer needs could not be loaded.</summary>
    public const string CouldNotLoad = "I can't reach my database right now — please try again in a moment.";

    /// <summary>Creates the exception for a write that was not saved.</summary>
    public StorageUnavailableException() : base(CouldNotSave) { }

    /// <summary>Creates the exception with a human message.</summary>
    public StorageUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
