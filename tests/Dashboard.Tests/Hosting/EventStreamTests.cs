using System.Diagnostics;
using System.Text.Json;
using CineSync.Dashboard.Tests.Support;

namespace CineSync.Dashboard.Tests.Hosting;

public sealed class EventStreamTests
{
    [Fact]
    public async Task The_stream_pushes_snapshots_and_an_open_page_does_not_hold_up_the_silo_shutdown()
    {
        using var meters = new FakeSiloMeters();
        var host = await DashboardTestHost.StartAsync(o => o.MeterScope = meters.Scope);
        using var client = host.CreateClient();
        meters.Call("UserTasteGrain", "Rate", 2.0);

        using var response = await client.GetAsync("dashboard/api/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null && !line.StartsWith("data: ", StringComparison.Ordinal))
        {
        }

        using (var snapshot = JsonDocument.Parse(line!["data: ".Length..]))
        {
            Assert.True(snapshot.RootElement.TryGetProperty("point", out _));
            Assert.Equal(1, snapshot.RootElement.GetProperty("silos").GetArrayLength());
        }

        var watch = Stopwatch.StartNew();
        await host.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"shutdown took {watch.Elapsed} with a stream open");
    }
}
