namespace CineSync.Dashboard.Cluster;

/// <summary>A silo as Orleans' membership lists it.</summary>
/// <param name="Address">Its address (<c>ip:port@generation</c>), which is also its facts grain's key.</param>
/// <param name="Name">Its name.</param>
/// <param name="StartedAt">When it started.</param>
internal sealed record ListedSilo(string Address, string Name, DateTimeOffset StartedAt);
