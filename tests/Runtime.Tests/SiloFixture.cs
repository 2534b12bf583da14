using CineSync.Runtime.Hosting;
using CineSync.Runtime.Testing;
using CineSync.Runtime.Tests.Grains;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Runtime.Tests;

/// <summary>Starts a test silo whose grains report to <paramref name="probe"/>.</summary>
internal static class Silo
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static Task<TestSilo> StartAsync(TestProbe probe, Action<SiloOptions>? options = null, TimeProvider? time = null, Action<SiloBuilder>? configure = null) =>
        TestSilo.StartAsync(
            silo =>
            {
                silo.Services.AddSingleton(probe);
                silo.AddMemoryGrainStorage();
                configure?.Invoke(silo);
            },
            options,
            time);
}
