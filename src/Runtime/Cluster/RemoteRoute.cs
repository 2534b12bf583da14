namespace CineSync.Runtime.Cluster;

/// <summary>A grain reference's cached route to a grain on another silo, valid while the placement view is unchanged.</summary>
internal sealed record RemoteRoute(int ViewVersion, SiloLink Link);
