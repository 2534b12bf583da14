using System.Collections.Concurrent;
using System.Diagnostics;
using CineSync.Runtime.TestSiloApp;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CineSync.Runtime.Tests.Cluster;

public sealed class ProcessClusterTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sigkilling_one_of_three_silo_processes_loses_no_acknowledged_write_and_moved_grains_answer_within_ten_seconds()
    {
        var cs = await Clusters.DatabaseAsync();
        var clusterId = "processes";
        var starting = new[] { ("silo0", string.Empty), ("silo1", "model"), ("silo2", string.Empty) }
            .Select(s => SiloProcess.StartAsync(cs, clusterId, s.Item1, s.Item2)).ToList();
        var silos = await Task.WhenAll(starting);
        try
        {
            var services = new ServiceCollection();
            services.AddClusterClient(o =>
            {
                o.UseMembershipTable(cs, clusterId);
                o.ReconnectDelay = TimeSpan.FromMilliseconds(100);
            });
            await using var provider = services.BuildServiceProvider();
            var client = provider.GetRequiredService<IClusterClient>();
            await client.Connect();
            await SiloProcess.WaitForActiveAsync(cs, clusterId, 3, Clusters.Patience);
            var gateway = ((Client.ClusterClient)client).ConnectedGateway as System.Net.IPEndPoint;

            // The victim: a silo without the model role that is not the client's gateway.
            var victim = silos.First(s => s.Name != "silo1" && s.GatewayPort != gateway!.Port);
            const int Grains = 24;
            var victimKeys = new List<long>();
            for (var key = 0; key < Grains; key++)
            {
                if (await client.GetGrain<IAckJournalGrain>(key).Where() == victim.Name)
                {
                    victimKeys.Add(key);
                }
            }

            Assert.NotEmpty(victimKeys);
            var modelHomes = new ConcurrentBag<string>();
            var writes = ContinuousWrites.Start(Grains, async (key, value) =>
            {
                await client.GetGrain<IAckJournalGrain>(key).Append(value);
                modelHomes.Add(await client.GetGrain<IModelPinnedGrain>(key).Where());
            });

            await Task.Delay(500);
            var sinceKill = Stopwatch.StartNew();
            victim.Kill();
            var probe = client.GetGrain<IAckJournalGrain>(victimKeys[0]);
            TimeSpan? recoveredAfter = null;
            while (sinceKill.Elapsed < TimeSpan.FromSeconds(12))
            {
                try
                {
                    await probe.Where();
                    recoveredAfter = sinceKill.Elapsed;
                    break;
                }
                catch (SiloUnavailableException)
                {
                    await Task.Delay(50);
                }
            }

            await Task.Delay(500);
            await writes.StopAsync();

            output.WriteLine($"moved grains answered {recoveredAfter} after SIGKILL; {writes.Failures.Count} calls failed in the window ({string.Join(", ", writes.Failures.GroupBy(f => f.GetType().Name).Select(g => $"{g.Key}: {g.Count()}"))}); {writes.Acknowledged.Values.Sum(v => v.Count)} writes acknowledged");
            Assert.True(recoveredAfter < TimeSpan.FromSeconds(10), $"Moved grains answered only after {recoveredAfter?.ToString() ?? "never"}.");
            Assert.Empty(await writes.FindLostAsync(key => client.GetGrain<IAckJournalGrain>(key).Saved()));

            // Calls in the window failed fast and clearly, never by hanging until the response timeout.
            Assert.All(writes.Failures, f => Assert.True(f is SiloUnavailableException or InconsistentStateException, f.ToString()));
            Assert.Equal(["silo1"], modelHomes.Distinct());
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }
}
