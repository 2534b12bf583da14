using System.Diagnostics;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Testing.Cluster;

/// <summary>Who rates what: users <see cref="FirstUserId"/>… rated by <see cref="Workers"/> concurrent callers.</summary>
/// <param name="FirstUserId">The first user id; the load uses <see cref="Users"/> consecutive ids.</param>
/// <param name="Users">How many users.</param>
/// <param name="Workers">How many callers run at once (each owns every Workers-th user, so no user has two calls in flight).</param>
/// <param name="Movies">Catalogue ids to rate; each user rates them in order, never the same one twice.</param>
public sealed record RatingLoadOptions(long FirstUserId, int Users, int Workers, IReadOnlyList<int> Movies);

/// <summary>One rating call and how it ended.</summary>
/// <param name="Failure">Null when the call returned a receipt; otherwise the exception's kind.</param>
public readonly record struct RatingCall(long UserId, int MovieId, float Stars, long StartedAt, long EndedAt, string? Failure)
{
    public bool Succeeded => Failure is null;

    public TimeSpan Duration => Stopwatch.GetElapsedTime(StartedAt, EndedAt);
}

/// <summary>
/// Continuous rating load through a cluster client: closed-loop callers, each rating its users' next titles back to
/// back. Every (user, title) pair is rated once with stars derived from both, so the acknowledged ratings can be
/// checked row by row against <c>user_ratings</c>. Failed calls are not retried (the rating's fate is unknown, and
/// it is never counted as acknowledged).
/// </summary>
public sealed class RatingLoad : IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly RatingLoadOptions _options;
    private readonly long[] _lastSuccessStartedAt;
    private readonly List<RatingCall>[] _calls;
    private readonly Dictionary<string, string> _firstMessages = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task[] _workers = [];
    private long _acknowledged;
    private long _failed;
    private long _inFlight;

    public RatingLoad(IGrainFactory grains, RatingLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Users < options.Workers || options.Workers < 1 || options.Movies.Count == 0)
        {
            throw new ArgumentException("The load needs at least one worker, as many users as workers, and titles to rate.", nameof(options));
        }

        _grains = grains;
        _options = options;
        _lastSuccessStartedAt = new long[options.Users];
        _calls = [.. Enumerable.Range(0, options.Workers).Select(_ => new List<RatingCall>(4096))];
    }

    public RatingLoadOptions Options => _options;

    /// <summary>Calls that returned a receipt so far.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Calls that failed so far.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Calls started and not yet ended.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>The first message seen for each failure kind.</summary>
    public IReadOnlyDictionary<string, string> FirstMessages
    {
        get
        {
            lock (_firstMessages)
            {
                return new Dictionary<string, string>(_firstMessages, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The stars the load gives <paramref name="movieId"/> from <paramref name="userId"/>: a valid half star.</summary>
    public static float StarsFor(long userId, int movieId) => 0.5f + ((userId + movieId) % 10 * 0.5f);

    /// <summary>Whether a call to <paramref name="userId"/> that started after <paramref name="timestamp"/> has succeeded.</summary>
    public bool AnsweredSince(long userId, long timestamp) =>
        Volatile.Read(ref _lastSuccessStartedAt[userId - _options.FirstUserId]) > timestamp;

    public void Start()
    {
        if (_workers.Length > 0)
        {
            throw new InvalidOperationException("The load is already running.");
        }

        _workers = [.. Enumerable.Range(0, _options.Workers).Select(w => Task.Run(() => RunWorkerAsync(w)))];
    }

    /// <summary>Releases the stop signal (workers still running only read whether it was set).</summary>
    public void Dispose() => _stop.Dispose();

    /// <summary>
    /// Stops issuing calls and waits for the ones in flight, up to <paramref name="safetyTimeout"/>; returns every call
    /// that ended, ordered by start. <see cref="InFlight"/> tells how many had not ended by then (a hang).
    /// </summary>
    public async Task<IReadOnlyList<RatingCall>> StopAsync(TimeSpan safetyTimeout)
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_workers).WaitAsync(safetyTimeout).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // Reported through InFlight; the calls still pending are left to Orleans' own timeout.
        }

        var all = new List<RatingCall>();
        foreach (var (calls, index) in _calls.Select((c, i) => (c, i)))
        {
            if (_workers[index].IsCompleted)
            {
                all.AddRange(calls);
            }
        }

        return [.. all.OrderBy(c => c.StartedAt)];
    }

    private async Task RunWorkerAsync(int worker)
    {
        var users = Enumerable.Range(0, _options.Users).Where(u => u % _options.Workers == worker).ToArray();
        var next = new int[users.Length]; // per user: the index of the next title to rate
        var calls = _calls[worker];
        // Round robin over the worker's users: after users × titles turns every user has rated every title once.
        var turns = (long)users.Length * _options.Movies.Count;
        for (long turn = 0; turn < turns && !_stop.IsCancellationRequested; turn++)
        {
            var slot = (int)(turn % users.Length);
            var offset = users[slot];
            var userId = _options.FirstUserId + offset;
            var movie = _options.Movies[next[slot]++];
            var stars = StarsFor(userId, movie);
            Interlocked.Increment(ref _inFlight);
            var started = Stopwatch.GetTimestamp();
            string? failure = null;
            try
            {
                await _grains.GetGrain<IUserTasteGrain>(userId).RateAsync(movie, stars).ConfigureAwait(false);
                Volatile.Write(ref _lastSuccessStartedAt[offset], started);
                Interlocked.Increment(ref _acknowledged);
            }
            catch (Exception e)
            {
                failure = KindOf(e);
                Interlocked.Increment(ref _failed);
                lock (_firstMessages)
                {
                    _firstMessages.TryAdd(failure, e.Message);
                }
            }

            calls.Add(new RatingCall(userId, movie, stars, started, Stopwatch.GetTimestamp(), failure));
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The exception's type, with the cause's type when it only wraps one (a connection failure's socket error).</summary>
    public static string KindOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        var name = exception.GetType().Name;
        return exception.InnerException is { } inner ? $"{name}({inner.GetType().Name})" : name;
    }
}
