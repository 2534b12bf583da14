namespace CineSync.Grains.Interfaces;

/// <summary>
/// A grain bound to one silo (<see cref="ISiloFactsGrain"/>) was called for a silo that is not an active member of the
/// cluster: it has stopped or died, or its address is not one. Nothing else can answer for it.
/// </summary>
[GenerateSerializer, Alias("cinesync.SiloNotInClusterException")]
public sealed class SiloNotInClusterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SiloNotInClusterException() : base("That silo is not an active member of the cluster.") { }

    /// <summary>Creates the exception with a message.</summary>
    public SiloNotInClusterException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public SiloNotInClusterException(string message, Exception innerException) : base(message, innerException) { }
}
