using System.Diagnostics;
using CineSync.Grains.Interfaces;
using Orleans;
using Orleans.Runtime;

namespace CineSync.Testing.Cluster;

/// <summary>
/// <c>kill -9</c> of one silo under continuous rating load through a cluster client: warm every user up, note which
/// user grains live on the victim, kill it, keep the load running until each of those users has answered again (and a
/// little longer), then check every acknowledged rating against <c>user_ratings</c>, read the moved users back and
/// count where the ModelGrain workers are. Every wait is on an event, bounded by a safety timeout; the report holds
/// the figures and leaves judging them to the caller.
/// </summary>
public static class FailoverScenario
{
    /// <summary>UserTasteGrain's <c>[GrainType]</c> (the class is internal to CineSync.Grains; the id is part of its stored state's key, so it is stable).</summary>
    private const string UserTasteGrainType = "user-taste";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task<FailoverReport> RunAsync(
        SiloCluster cluster, SiloProcess victim, IClusterClient client, IReadOnlyList<int> movies, FailoverOptions options, Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(victim);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        using var load = new RatingLoad(client, new RatingLoadOptions(options.FirstUserId, options.Users, options.Workers, movies));
        var users = Enumerable.Range(0, options.Users).Select(i => options.FirstUserId + i).ToArray();
        load.Start();
        try
        {
            return await RunUnderLoadAsync(cluster, victim, client, options, log, load, users).ConfigureAwait(false);
        }
        catch
        {
            await load.StopAsync(options.HangLimit).ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<FailoverReport> RunUnderLoadAsync(
        SiloCluster cluster, SiloProcess victim, IClusterClient client, FailoverOptions options, Action<string> log, RatingLoad load, long[] users)
    {
        // Warm-up: every user placed and answering, then steady load for a while.
        await WaitUntilAsync(() => users.All(u => load.AnsweredSince(u, 0)), options.SafetyTimeout, "every user's first rating", load).ConfigureAwait(false);
        log($"warm-up done: every user answered ({load.Acknowledged} ratings acknowledged, {load.Failed} failed)");
        await Task.Delay(options.LoadBeforeKill).ConfigureAwait(false);

        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetHosts(onlyActive: true).ConfigureAwait(false);
        var names = hosts.Keys.ToDictionary(a => a, a => cluster.Silos.FirstOrDefault(s => s.SiloPort == a.Endpoint.Port)?.Name ?? a.ToString());
        var victimAddress = hosts.Keys.Single(a => a.Endpoint.Port == victim.SiloPort);
        var placed = await management.GetDetailedGrainStatistics(null, [.. hosts.Keys]).ConfigureAwait(false);
        var userGrains = placed
            .Where(s => s.GrainId.Type.ToString() == UserTasteGrainType && s.GrainId.TryGetIntegerKey(out var key, out _) && key >= options.FirstUserId && key < options.FirstUserId + options.Users)
            .ToList();
        var usersPerSilo = userGrains.GroupBy(s => names.GetValueOrDefault(s.SiloAddress, s.SiloAddress.ToString())).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var moved = userGrains.Where(s => s.SiloAddress.Equals(victimAddress)).Select(s => s.GrainId.GetIntegerKey()).ToHashSet();

        var killedAt = Stopwatch.GetTimestamp();
        victim.Kill();
        log($"killed {victim.Name} (pid {victim.Process.Id}) holding {moved.Count} of {options.Users} user grains");
        var declaredDead = WatchDeathAsync(cluster, victim, killedAt, options.SafetyTimeout);

        var recovered = await TryWaitUntilAsync(() => moved.All(u => load.AnsweredSince(u, killedAt)), options.SafetyTimeout).ConfigureAwait(false);
        log(recovered
            ? $"every moved user answered again {Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds:0} ms after the kill (poll granularity {Poll.TotalMilliseconds:0} ms)"
            : $"not every moved user answered within the safety timeout of {options.SafetyTimeout.TotalSeconds:0} s");
        await Task.Delay(options.LoadAfterRecovery).ConfigureAwait(false);
        var calls = await load.StopAsync(options.HangLimit).ConfigureAwait(false);
        var pending = load.InFlight;

        var acknowledged = calls.Where(c => c.Succeeded).ToList();
        var missing = await RatingLedger.FindMissingAsync(cluster.ConnectionString, acknowledged).ConfigureAwait(false);
        var (silent, forgotten) = await ReadMovedUsersBackAsync(client, moved, acknowledged, options.SafetyTimeout).ConfigureAwait(false);
        var deadAfter = await declaredDead.ConfigureAwait(false); // statistics are asked of the silos still alive
        var models = await ModelActivationsAsync(management, cluster).ConfigureAwait(false);
        return new FailoverReport
        {
            Options = options,
            VictimName = victim.Name,
            Calls = calls,
            KilledAt = killedAt,
            MovedUsers = moved,
            UsersPerSilo = usersPerSilo,
            DeclaredDeadAfter = deadAfter,
            MissingAcknowledged = missing,
            SilentMovedUsers = silent,
            ForgottenRatings = forgotten,
            ModelActivations = models,
            PendingAtStop = pending,
            FailureMessages = load.FirstMessages,
        };
    }

    /// <summary>ModelGrain activations per silo name, from every active silo's own count.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> ModelActivationsAsync(IManagementGrain management, SiloCluster cluster)
    {
        ArgumentNullException.ThrowIfNull(management);
        ArgumentNullException.ThrowIfNull(cluster);
        var statistics = await management.GetSimpleGrainStatistics().ConfigureAwait(false);
        return statistics
            .Where(s => s.GrainType.Contains("ModelGrain", StringComparison.Ordinal) && s.ActivationCount > 0)
            .GroupBy(s => cluster.Silos.FirstOrDefault(silo => silo.SiloPort == s.SiloAddress.Endpoint.Port)?.Name ?? s.SiloAddress.ToString())
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
    }

    /// <summary>
    /// Asks every moved user for their stats until each answers (or the safety timeout passes): the grain is active
    /// again somewhere, and it counts at least the ratings acknowledged to it (it reloaded them from PostgreSQL).
    /// </summary>
    private static async Task<(IReadOnlyList<long> Silent, IReadOnlyList<string> Forgotten)> ReadMovedUsersBackAsync(
        IClusterClient client, IReadOnlySet<long> moved, IReadOnlyList<RatingCall> acknowledged, TimeSpan safetyTimeout)
    {
        var acknowledgedPerUser = acknowledged.GroupBy(c => c.UserId).ToDictionary(g => g.Key, g => g.Count());
        var clock = Stopwatch.StartNew();
        var silent = new List<long>();
        var forgotten = new List<string>();
        foreach (var user in moved.Order())
        {
            TasteStats? stats = null;
            while (stats is null && clock.Elapsed < safetyTimeout)
            {
                try
                {
                    stats = await client.GetGrain<IUserTasteGrain>(user).GetStatsAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is TimeoutException or OrleansException)
                {
                    await Task.Delay(Poll).ConfigureAwait(false);
                }
            }

            if (stats is null)
            {
                silent.Add(user);
            }
            else if (stats.RatingCount < acknowledgedPerUser.GetValueOrDefault(user))
            {
                forgotten.Add($"user {user}: {stats.RatingCount} ratings, {acknowledgedPerUser[user]} acknowledged");
            }
        }

        return (silent, forgotten);
    }

    private static async Task<TimeSpan?> WatchDeathAsync(SiloCluster cluster, SiloProcess victim, long killedAt, TimeSpan safetyTimeout)
    {
        try
        {
            await cluster.WaitDeadAsync(victim, safetyTimeout).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(killedAt);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan safetyTimeout, string what, RatingLoad load)
    {
        if (!await TryWaitUntilAsync(condition, safetyTimeout).ConfigureAwait(false))
        {
            var messages = string.Join("; ", load.FirstMessages.Select(p => $"{p.Key}: {p.Value}"));
            throw new TimeoutException($"No {what} within the safety timeout of {safetyTimeout.TotalSeconds:0} s ({load.Acknowledged} acknowledged, {load.Failed} failed: {messages}).");
        }
    }

    private static async Task<bool> TryWaitUntilAsync(Func<bool> condition, TimeSpan safetyTimeout)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > safetyTimeout)
            {
                return false;
            }

            await Task.Delay(Poll).ConfigureAwait(false);
        }

        return true;
    }
}
