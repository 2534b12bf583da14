using System.Diagnostics.Metrics;
using CineSync.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Runtime.Tests.Core;

public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_errors_durations_and_activations_are_published_per_grain_type_and_method()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var meterFactory = silo.Services.GetRequiredService<IMeterFactory>();
        var seen = new List<(string Instrument, double Value, string? GrainType, string? Method)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests run silos in parallel: listen to this silo's meter only.
            if (instrument.Meter.Name == "CineSync.Runtime" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            string? type = null, method = null;
            foreach (var tag in tags)
            {
                type = tag.Key == "grain_type" ? (string?)tag.Value : type;
                method = tag.Key == "method" ? (string?)tag.Value : method;
            }

            lock (seen)
            {
                seen.Add((instrument.Name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), type, method));
            }
        }

        listener.SetMeasurementEventCallback<long>(Record);
        listener.SetMeasurementEventCallback<double>(Record);
        listener.Start();

        var grain = silo.GrainFactory.GetGrain<IEchoGrain>("m");
        await grain.Echo("a");
        await grain.Echo("b");
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => grain.Fail("x"));
        listener.RecordObservableInstruments();

        lock (seen)
        {
            Assert.Contains(seen, m => m is ("cinesync.grain.calls", 2, "EchoGrain", "Echo"));
            Assert.Contains(seen, m => m is ("cinesync.grain.calls", 1, "EchoGrain", "Fail"));
            Assert.Contains(seen, m => m is ("cinesync.grain.errors", 1, "EchoGrain", "Fail"));
            Assert.Equal(3, seen.Count(m => m is { Instrument: "cinesync.grain.call.duration", GrainType: "EchoGrain" }));
            Assert.Contains(seen, m => m is ("cinesync.grain.activations", 1, "EchoGrain", null));
        }
    }
}
