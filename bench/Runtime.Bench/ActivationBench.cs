using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Runtime.Bench;

/// <summary>Cost of activating a grain without state, and memory of 1,000,000 idle activations holding float[64].</summary>
internal static class ActivationBench
{
    public static async Task RunAsync(int count)
    {
        using var host = await SiloHosts.StartAsync(gatewayPort: null);
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        for (var i = 0; i < 10_000; i++)
        {
            await factory.GetGrain<IPingGrain>(-1 - i).Ping(); // warm-up
        }

        const int timed = 200_000;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < timed; i++)
        {
            await factory.GetGrain<IPingGrain>(i).Ping();
        }

        Console.WriteLine($"activation: {stopwatch.Elapsed.TotalMicroseconds / timed:F2} µs per first call (activation + call), {timed:N0} grains");

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        stopwatch.Restart();
        var batch = new List<Task>(1000);
        for (var i = 0; i < count; i++)
        {
            batch.Add(factory.GetGrain<IHolderGrain>(i).Touch().AsTask());
            if (batch.Count == 1000)
            {
                await Task.WhenAll(batch);
                batch.Clear();
            }
        }

        await Task.WhenAll(batch);
        var elapsed = stopwatch.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"activation: {count:N0} holder activations (float[64] each) in {elapsed.TotalSeconds:F1} s ({elapsed.TotalMicroseconds / count:F2} µs each)");
        Console.WriteLine($"activation: managed heap +{(after - before) / 1024.0 / 1024 / 1024:F2} GB ({(after - before) / (double)count:F0} B per activation), process working set {process.WorkingSet64 / 1024.0 / 1024 / 1024:F2} GB");
        GC.KeepAlive(factory);
    }
}
