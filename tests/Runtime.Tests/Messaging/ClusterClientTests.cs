using CineSync.Runtime.Tests.Core;
using CineSync.Runtime.Tests.Grains;

namespace CineSync.Runtime.Tests.Messaging;

public sealed class ClusterClientTests
{
    [Fact]
    public async Task A_client_calls_grains_over_tcp_with_rich_arguments()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.Client.GetGrain<IEchoGrain>("bob");
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 21, 20, 0, 0, TimeSpan.FromHours(1));

        var note = await grain.Describe(new Note("Alien", 4, ["sci-fi", "horror"]), [1.5f, 2f], id, at, null);

        Assert.Equal("bob:hi", await grain.Echo("hi"));
        Assert.Equal($"Alien|3.5|{id}|{at:O}|null", note.Title);
        Assert.Equal(5, note.Stars);
        Assert.Equal(["sci-fi", "horror"], note.Tags);
    }

    [Fact]
    public async Task Concurrent_calls_share_one_connection_and_each_gets_its_own_answer()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        var answers = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => silo.Client.GetGrain<IEchoGrain>($"g{i % 20}").Echo(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).AsTask()));

        Assert.Equal(Enumerable.Range(0, 500).Select(i => $"g{i % 20}:{i}"), answers);
    }

    [Fact]
    public async Task The_client_fails_calls_clearly_while_the_silo_is_down_and_recovers_after_it_restarts()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var grain = silo.Client.GetGrain<IEchoGrain>("restart");
        Assert.Equal("restart:before", await grain.Echo("before"));

        await silo.StopSiloAsync();
        await LifecycleTests.WaitUntil(() => !silo.Client.IsConnected);
        var error = await Assert.ThrowsAsync<SiloUnavailableException>(async () => await grain.Echo("while down"));
        Assert.Contains("gateway", error.Message, StringComparison.Ordinal);

        await silo.StartSiloAsync();
        await LifecycleTests.WaitUntil(() => silo.Client.IsConnected);
        Assert.Equal("restart:after", await grain.Echo("after"));
    }

    [Fact]
    public async Task Calls_in_flight_when_the_silo_stops_complete_before_the_connection_closes()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);
        var call = silo.Client.GetGrain<IEchoGrain>("inflight").WaitForGate();
        await LifecycleTests.WaitUntil(() => silo.ActivationCount == 1);

        var stopping = silo.StopSiloAsync();
        probe.Gate.SetResult();
        await stopping;

        Assert.Equal(42, await call.WaitAsync(Silo.Patience));
    }
}
