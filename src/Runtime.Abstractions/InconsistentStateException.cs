namespace CineSync.Runtime;

/// <summary>A write found stored state newer than the ETag it was based on; nothing was overwritten.</summary>
public sealed class InconsistentStateException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException() : this("The stored state changed since it was read.") { }

    /// <summary>Creates the exception with a message.</summary>
    public InconsistentStateException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public InconsistentStateException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates the exception describing both versions.</summary>
    public InconsistentStateException(string message, string? storedETag, string? currentETag) : base(message)
    {
        StoredETag = storedETag;
        CurrentETag = currentETag;
    }

    /// <summary>The version found in storage, when known.</summary>
    public string? StoredETag { get; }

    /// <summary>The ETag the write was based on.</summary>
    public string? CurrentETag { get; }
}
