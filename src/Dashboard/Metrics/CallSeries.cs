using System.Runtime.InteropServices;

namespace CineSync.Dashboard.Metrics;

/// <summary>
/// Cumulative figures of one (grain type, method) pair. Recording touches only the stripe of the current
/// processor, so that silo threads calling the same method do not fight over one cache line; the sampler
/// sums the stripes once a second.
/// </summary>
internal sealed class CallSeries
{
    /// <summary>Up to 16 stripes (about 1 KB each): enough to spread contention, bounded memory on big machines.</summary>
    private static readonly int StripeCount = (int)Math.Min(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Environment.ProcessorCount));

    private readonly Stripe[] _stripes;
    private long _observedCalls;
    private long _observedErrors;

    public CallSeries(string grainType, string method)
    {
        GrainType = grainType;
        Method = method;
        _stripes = new Stripe[StripeCount];
        for (var i = 0; i < _stripes.Length; i++)
        {
            _stripes[i] = new Stripe();
        }
    }

    public string GrainType { get; }

    public string Method { get; }

    /// <summary>The sampler's per-second window over this series.</summary>
    public SlidingWindow Window { get; } = new();

    /// <summary>Adds calls, or with <paramref name="isTotal"/> sets an observable counter's total.</summary>
    public void CountCalls(long value, bool isTotal)
    {
        if (isTotal)
        {
            Volatile.Write(ref _observedCalls, value);
        }
        else
        {
            Interlocked.Add(ref Local.Counts.Calls, value);
        }
    }

    /// <summary>Adds errors, or with <paramref name="isTotal"/> sets an observable counter's total.</summary>
    public void CountErrors(long value, bool isTotal)
    {
        if (isTotal)
        {
            Volatile.Write(ref _observedErrors, value);
        }
        else
        {
            Interlocked.Add(ref Local.Counts.Errors, value);
        }
    }

    public void RecordDuration(double milliseconds)
    {
        var stripe = Local;
        Interlocked.Increment(ref stripe.Buckets[LatencyBuckets.IndexOf(milliseconds)]);
        if (milliseconds > 0)
        {
            Interlocked.Add(ref stripe.Counts.DurationSumNanos, (long)(milliseconds * 1_000_000.0));
        }
    }

    /// <summary>Sums the stripes (not atomically as a whole; a call recorded meanwhile shows up next second).</summary>
    public void ReadTotals(WindowTotals totals)
    {
        totals.Clear();
        totals.Calls = Volatile.Read(ref _observedCalls);
        totals.Errors = Volatile.Read(ref _observedErrors);
        foreach (var stripe in _stripes)
        {
            totals.Calls += Volatile.Read(ref stripe.Counts.Calls);
            totals.Errors += Volatile.Read(ref stripe.Counts.Errors);
            totals.DurationSumNanos += Volatile.Read(ref stripe.Counts.DurationSumNanos);
            for (var i = 0; i < stripe.Buckets.Length; i++)
            {
                var count = Volatile.Read(ref stripe.Buckets[i]);
                totals.Buckets[i] += count;
                totals.DurationCount += count;
            }
        }
    }

    private Stripe Local => _stripes[Thread.GetCurrentProcessorId() & (StripeCount - 1)];

    private sealed class Stripe
    {
        public readonly long[] Buckets = new long[LatencyBuckets.Count];
        public PaddedCounts Counts;
    }

    /// <summary>Padded to two cache lines so neighbouring stripes never share one.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedCounts
    {
        [FieldOffset(64)]
        public long Calls;

        [FieldOffset(72)]
        public long Errors;

        [FieldOffset(80)]
        public long DurationSumNanos;
    }
}
