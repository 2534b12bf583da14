using System.Diagnostics;
using System.Globalization;

namespace CineSync.Testing.Cluster;

/// <summary>What happened around a <c>kill -9</c> under rating load: the figures to print and the facts to assert.</summary>
public sealed class FailoverReport
{
    public required FailoverOptions Options { get; init; }

    public required string VictimName { get; init; }

    /// <summary>Every call that ended, ordered by start.</summary>
    public required IReadOnlyList<RatingCall> Calls { get; init; }

    /// <summary>When the victim was killed (a <see cref="Stopwatch"/> timestamp).</summary>
    public required long KilledAt { get; init; }

    /// <summary>The users whose grains were on the victim when it was killed.</summary>
    public required IReadOnlySet<long> MovedUsers { get; init; }

    /// <summary>User grains per silo just before the kill.</summary>
    public required IReadOnlyDictionary<string, int> UsersPerSilo { get; init; }

    /// <summary>From the kill until the membership table showed the victim Dead (null: not seen).</summary>
    public TimeSpan? DeclaredDeadAfter { get; init; }

    /// <summary>Acknowledged ratings not in <c>user_ratings</c> with their stars.</summary>
    public required IReadOnlyList<RatingCall> MissingAcknowledged { get; init; }

    /// <summary>Moved users that still did not answer once the load had stopped (probed until the safety timeout).</summary>
    public required IReadOnlyList<long> SilentMovedUsers { get; init; }

    /// <summary>Moved users whose stats (read back after the move) count fewer ratings than were acknowledged to them.</summary>
    public required IReadOnlyList<string> ForgottenRatings { get; init; }

    /// <summary>ModelGrain activations per silo name, after the failover.</summary>
    public required IReadOnlyDictionary<string, int> ModelActivations { get; init; }

    /// <summary>Calls still pending once the load was asked to stop and the hang limit had passed.</summary>
    public required long PendingAtStop { get; init; }

    /// <summary>The first message of each failure kind.</summary>
    public required IReadOnlyDictionary<string, string> FailureMessages { get; init; }

    public IEnumerable<RatingCall> Acknowledged => Calls.Where(c => c.Succeeded);

    public IEnumerable<RatingCall> Failures => Calls.Where(c => !c.Succeeded);

    public IReadOnlyDictionary<string, int> FailuresByKind =>
        Failures.GroupBy(c => c.Failure!).OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public TimeSpan? SlowestFailure => Failures.Select(c => (TimeSpan?)c.Duration).Max();

    public TimeSpan SlowestCall => Calls.Count == 0 ? TimeSpan.Zero : Calls.Max(c => c.Duration);

    /// <summary>From the kill to the first reply to a moved user on a call started after the kill.</summary>
    public TimeSpan? FirstMovedAnswerAfter => MovedAnswers().Select(a => (TimeSpan?)a).Min();

    /// <summary>From the kill until every moved user had answered a call started after the kill (null: some never did during the load).</summary>
    public TimeSpan? AllMovedAnsweredAfter
    {
        get
        {
            var answers = MovedAnswers().ToList();
            return answers.Count == MovedUsers.Count && answers.Count > 0 ? answers.Max() : null;
        }
    }

    /// <summary>Calls started before the kill (after the warm-up).</summary>
    public IEnumerable<RatingCall> Before => Calls.Where(c => c.StartedAt < KilledAt && Stopwatch.GetElapsedTime(c.StartedAt, KilledAt) <= Options.LoadBeforeKill);

    /// <summary>Calls started once every moved user had answered again.</summary>
    public IEnumerable<RatingCall> AfterRecovery => AllMovedAnsweredAfter is { } recovered
        ? Calls.Where(c => c.StartedAt > KilledAt && Stopwatch.GetElapsedTime(KilledAt, c.StartedAt) > recovered)
        : [];

    /// <summary>The report, one figure per line.</summary>
    public IEnumerable<string> Describe()
    {
        var ms = (TimeSpan? t) => t is { } v ? v.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "n/a";
        var failures = Failures.ToList();
        yield return $"load: {Options.Users} users, {Options.Workers} concurrent callers; user grains per silo before the kill: {string.Join(", ", UsersPerSilo.Select(p => $"{p.Key}={p.Value}"))}";
        yield return $"killed {VictimName} (kill -9) with {MovedUsers.Count} user grains; membership showed it Dead after {ms(DeclaredDeadAfter)}";
        yield return $"kill → first reply to a moved user: {ms(FirstMovedAnswerAfter)}; kill → every moved user answered again: {ms(AllMovedAnsweredAfter)}";
        yield return $"calls: {Calls.Count} ended, {Acknowledged.Count()} acknowledged, {failures.Count} failed, {PendingAtStop} still pending at stop";
        yield return $"acknowledged ratings missing from user_ratings: {MissingAcknowledged.Count}";
        yield return $"failures by kind: {(failures.Count == 0 ? "none" : string.Join(", ", FailuresByKind.Select(p => $"{p.Key}×{p.Value}")))}";
        if (failures.Count > 0)
        {
            var first = Stopwatch.GetElapsedTime(KilledAt, failures.Min(c => c.StartedAt));
            var last = Stopwatch.GetElapsedTime(KilledAt, failures.Max(c => c.EndedAt));
            yield return $"failure window relative to the kill: calls started from {first.TotalMilliseconds:0} ms, last failure ended at {last.TotalMilliseconds:0} ms; slowest failure {ms(SlowestFailure)} (response timeout {Options.ResponseTimeout.TotalSeconds:0} s)";
            foreach (var (kind, message) in FailureMessages)
            {
                yield return $"  {kind}: {message.Split('\n', 2)[0].Trim()}";
            }
        }

        yield return $"slowest call of all: {ms(SlowestCall)}";
        yield return $"latency before the kill: {Percentiles(Before)}";
        yield return $"latency after recovery:  {Percentiles(AfterRecovery)}";
        yield return $"ModelGrain activations per silo: {(ModelActivations.Count == 0 ? "none" : string.Join(", ", ModelActivations.Select(p => $"{p.Key}={p.Value}")))}";
        if (SilentMovedUsers.Count > 0 || ForgottenRatings.Count > 0)
        {
            yield return $"moved users silent after the load: {SilentMovedUsers.Count}; with ratings forgotten: {string.Join("; ", ForgottenRatings.Take(5))}";
        }
    }

    /// <summary>p50 / p99 / max of the successful calls among <paramref name="calls"/>.</summary>
    public static string Percentiles(IEnumerable<RatingCall> calls)
    {
        var sorted = calls.Where(c => c.Succeeded).Select(c => c.Duration.TotalMilliseconds).Order().ToArray();
        if (sorted.Length == 0)
        {
            return "no calls";
        }

        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return string.Create(CultureInfo.InvariantCulture, $"n={sorted.Length} p50={P(0.50):0.0} ms p99={P(0.99):0.0} ms max={sorted[^1]:0.0} ms");
    }

    private IEnumerable<TimeSpan> MovedAnswers() => Calls
        .Where(c => c.Succeeded && c.StartedAt > KilledAt && MovedUsers.Contains(c.UserId))
        .GroupBy(c => c.UserId)
        .Select(g => Stopwatch.GetElapsedTime(KilledAt, g.Min(c => c.EndedAt)));
}
