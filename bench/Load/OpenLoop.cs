using System.Collections.Concurrent;
using System.Diagnostics;

namespace CineSync.Load.Bench;

/// <summary>One request's fate: when it was due (seconds from the run's start), how long until its reply, and how it went.</summary>
internal sealed record Sample(string Command, long User, double DueAt, double LatencyMs, string Kind);

/// <summary>
/// Open-loop arrivals: requests are started on a Poisson schedule at the set rate whether or not earlier ones have
/// answered, and latency counts from when a request was due, so a stalled cluster shows as latency (no coordinated
/// omission). Arrivals beyond <see cref="LoadOptions.MaxInFlight"/> are shed and counted.
/// </summary>
internal static class OpenLoop
{
    public static async Task<IReadOnlyList<Sample>> RunAsync(Workload workload, double rate, TimeSpan duration, int maxInFlight, int seed, Stopwatch clock, IReadOnlyList<(TimeSpan At, Func<Task> Action)> events)
    {
        var samples = new ConcurrentQueue<Sample>();
        var running = new List<Task>();
        var random = new Random(seed);
        var inFlight = 0;
        clock.Restart();
        double Now() => clock.Elapsed.TotalSeconds;
        var happenings = events.Select(e => Task.Run(async () =>
        {
            await Task.Delay(e.At - clock.Elapsed).ConfigureAwait(false);
            await e.Action().ConfigureAwait(false);
        })).ToList();

        var due = 0.0;
        while (true)
        {
            due += -Math.Log(1 - random.NextDouble()) / rate;
            if (due >= duration.TotalSeconds)
            {
                break;
            }

            var wait = due - Now();
            if (wait > 0.001)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait)).ConfigureAwait(false);
            }

            var (command, user, call) = workload.Next(random);
            if (Volatile.Read(ref inFlight) >= maxInFlight)
            {
                samples.Enqueue(new Sample(command, user, due, 0, "shed (too many in flight)"));
                continue;
            }

            Interlocked.Increment(ref inFlight);
            var dueAt = due;
            running.Add(Task.Run(async () =>
            {
                string kind;
                try
                {
                    kind = await call().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    kind = "exception: " + e.GetType().Name;
                }

                samples.Enqueue(new Sample(command, user, dueAt, (Now() - dueAt) * 1000, kind));
                Interlocked.Decrement(ref inFlight);
            }));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        await Task.WhenAll(happenings).ConfigureAwait(false);
        return [.. samples];
    }
}
