namespace CineSync.Runtime;

/// <summary>
/// A remote grain threw an exception whose type this process cannot recreate; carries the original
/// type name, message and stack trace.
/// </summary>
public sealed class GrainCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GrainCallException() { }

    /// <summary>Creates the exception with a message.</summary>
    public GrainCallException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public GrainCallException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception from a remote failure.</summary>
    public GrainCallException(string exceptionType, string message, string? remoteStackTrace) : base(message)
    {
        ExceptionType = exceptionType;
        RemoteStackTrace = remoteStackTrace;
    }

    /// <summary>The full name of the exception type thrown by the grain.</summary>
    public string? ExceptionType { get; }

    /// <summary>The stack trace on the silo.</summary>
    public string? RemoteStackTrace { get; }
}
