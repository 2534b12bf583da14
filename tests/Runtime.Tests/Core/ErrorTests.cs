using CineSync.Runtime.Testing;
using CineSync.Runtime.Tests.Grains;

namespace CineSync.Runtime.Tests.Core;

public sealed class ErrorTests
{
    [Fact]
    public async Task A_grain_exception_reaches_a_hosted_caller_with_its_type_and_message()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => silo.GrainFactory.GetGrain<IEchoGrain>("x").Fail("no such movie"));

        Assert.Contains("no such movie", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_exception_reaches_a_remote_client_with_its_type_and_message()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => silo.Client.GetGrain<IEchoGrain>("x").Fail("no such movie"));

        Assert.Contains("no such movie", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_that_outlives_the_response_timeout_fails_naming_grain_and_method()
    {
        var probe = new TestProbe();
        var time = new ManualTimeProvider();
        await using var silo = await Silo.StartAsync(probe, o => o.ResponseTimeout = TimeSpan.FromSeconds(5), time);
        var grain = silo.GrainFactory.GetGrain<IEchoGrain>("slow");

        var call = grain.WaitForGate();
        var queued = grain.Echo("behind");
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => call.WaitAsync(Silo.Patience));
        Assert.Contains("IEchoGrain.WaitForGate", error.Message, StringComparison.Ordinal);
        Assert.Contains("EchoGrain/slow", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<TimeoutException>(async () => await queued);

        // The grain is still usable once its stuck turn ends.
        probe.Gate.SetResult();
        Assert.Equal("slow:again", await grain.Echo("again").AsTask().WaitAsync(Silo.Patience));
    }

    [Fact]
    public async Task Calling_an_interface_no_silo_hosts_fails_clearly()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => silo.GrainFactory.GetGrain<IModelOnlyGrain>(1).Score());

        Assert.Contains("role 'model'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grain_with_a_required_role_activates_on_a_silo_with_that_role()
    {
        var probe = new TestProbe();
        await using var silo = await Silo.StartAsync(probe, o => o.Roles.Add("model"));

        Assert.Equal(1.5, await silo.GrainFactory.GetGrain<IModelOnlyGrain>(1).Score());
    }
}
