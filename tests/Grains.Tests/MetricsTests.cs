using System.Diagnostics.Metrics;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class MetricsTests(GrainsFixture fixture)
{
    [Fact]
    public async Task Ratings_feedback_and_warm_users_are_published_for_the_dashboard()
    {
        var measurements = new List<(string Name, long Value, string? Kind)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "CineSync.Recommendations")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? kind = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "kind") { kind = tag.Value as string; }
            }

            lock (measurements) { measurements.Add((instrument.Name, value, kind)); }
        });
        listener.Start();

        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(fixture.NewUserId());
        await user.RateAsync(1, 4f);
        await user.FeedbackAsync(2, FeedbackKind.NotInterested, "als");
        listener.RecordObservableInstruments();

        lock (measurements)
        {
            Assert.Contains(measurements, m => m.Name == "cinesync.ratings" && m.Value == 1);
            Assert.Contains(measurements, m => m.Name == "cinesync.feedback" && m.Kind == "not_interested");
            Assert.Contains(measurements, m => m.Name == "cinesync.users.active" && m.Value >= 1);
            Assert.Contains(measurements, m => m.Name == "cinesync.users.cold_start" && m.Value >= 1);
        }
    }
}
