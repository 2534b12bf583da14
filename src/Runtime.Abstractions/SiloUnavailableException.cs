namespace CineSync.Runtime;

/// <summary>The call could not reach a silo: the client is disconnected or the silo is shutting down.</summary>
public sealed class SiloUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloUnavailableException() : this("No silo is available.") { }

    /// <summary>Creates the exception with a message.</summary>
    public SiloUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SiloUnavailableException(string message, Exception innerException) : base(message, innerException) { }
}
