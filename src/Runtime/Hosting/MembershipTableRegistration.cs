namespace CineSync.Runtime.Hosting;

/// <summary>Marks a silo as clustered: where its membership table lives (registered by <c>UseMembershipTable</c>).</summary>
internal sealed record MembershipTableRegistration(Func<IServiceProvider, Task<string>> ConnectionString);
