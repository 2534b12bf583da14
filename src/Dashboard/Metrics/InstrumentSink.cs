namespace CineSync.Dashboard.Metrics;

/// <summary>
/// The per-instrument state handed to <see cref="System.Diagnostics.Metrics.MeterListener"/> as the
/// measurement callback's state: what the instrument means, whether it reports totals (observable) or
/// deltas, and which two tags select its series. Recording is a tag scan, one reference-keyed probe and
/// an interlocked add.
/// </summary>
internal sealed class InstrumentSink(MetricsStore store, InstrumentKind kind, bool observable)
{
    private readonly string? _firstTag = kind switch
    {
        InstrumentKind.Calls or InstrumentKind.Errors or InstrumentKind.Duration or InstrumentKind.Activations => DashboardMetricNames.GrainTypeTag,
        InstrumentKind.Feedback => DashboardMetricNames.KindTag,
        _ => null,
    };

    private readonly string? _secondTag = kind switch
    {
        InstrumentKind.Calls or InstrumentKind.Errors or InstrumentKind.Duration => DashboardMetricNames.MethodTag,
        InstrumentKind.Feedback => DashboardMetricNames.ModelTag,
        _ => null,
    };

    public InstrumentKind Kind { get; } = kind;

    public void Record(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        switch (Kind)
        {
            case InstrumentKind.Calls:
                CallSeriesOf(tags).CountCalls(value, observable);
                break;
            case InstrumentKind.Errors:
                CallSeriesOf(tags).CountErrors(value, observable);
                break;
            case InstrumentKind.Duration:
                CallSeriesOf(tags).RecordDuration(value);
                break;
            case InstrumentKind.Activations:
                Apply(store.Activations.Get(TagValue(tags, _firstTag), null), value);
                break;
            case InstrumentKind.Feedback:
                Find(store.Feedback, tags, out var feedback);
                Apply(feedback, value);
                break;
            case InstrumentKind.Ratings:
                Apply(store.Ratings, value);
                break;
            case InstrumentKind.ActiveUsers:
                Apply(store.ActiveUsers, value);
                break;
            case InstrumentKind.ColdStartUsers:
                Apply(store.ColdStartUsers, value);
                break;
        }
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Kind == InstrumentKind.Duration)
        {
            CallSeriesOf(tags).RecordDuration(value);
        }
        else
        {
            Record((long)value, tags);
        }
    }

    private CallSeries CallSeriesOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Find(store.Calls, tags, out var series);
        return series;
    }

    private void Find<T>(SeriesRegistry<T> registry, ReadOnlySpan<KeyValuePair<string, object?>> tags, out T series)
        where T : class
    {
        object? first = null, second = null;
        foreach (ref readonly var tag in tags)
        {
            if (tag.Key == _firstTag)
            {
                first = tag.Value;
            }
            else if (tag.Key == _secondTag)
            {
                second = tag.Value;
            }
        }

        series = registry.Get(first, second);
    }

    private void Apply(GaugeSeries series, long value)
    {
        if (observable)
        {
            series.Set(value); // observable instruments report the current total
        }
        else
        {
            series.Add(value);
        }
    }

    private static object? TagValue(ReadOnlySpan<KeyValuePair<string, object?>> tags, string? key)
    {
        foreach (ref readonly var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value;
            }
        }

        return null;
    }
}

/// <summary>What an instrument of the contract measures.</summary>
internal enum InstrumentKind
{
    Calls,
    Errors,
    Duration,
    Activations,
    Ratings,
    Feedback,
    ActiveUsers,
    ColdStartUsers,
}
