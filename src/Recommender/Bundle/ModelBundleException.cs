namespace CineSync.Recommender.Bundle;

/// <summary>A model bundle file that cannot be used: wrong magic, unsupported format version, corrupt or truncated.</summary>
public sealed class ModelBundleException : IOException
{
    /// <summary>Creates the exception.</summary>
    public ModelBundleException()
    {
    }

    /// <summary>Creates the exception with a message saying what is wrong with the file.</summary>
    public ModelBundleException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public ModelBundleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
