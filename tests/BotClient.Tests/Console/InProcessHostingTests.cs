using System.Globalization;
using CineSync.Bot.ConsoleMode;
using CineSync.BotClient.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using CineSync.Grains.Interfaces;
using CineSync.Testing;
using Microsoft.Extensions.Hosting;
using Orleans.Hosting;

namespace CineSync.BotClient.Tests.Console;

/// <summary>The one-command experience: the console bot hosted inside a silo process, calling grains through the silo's own factory.</summary>
[Collection(ClusterCollection.Name)]
public sealed class InProcessHostingTests(ClusterFixture cluster)
{
    [Fact]
    public async Task The_console_bot_works_inside_the_silo_process()
    {
        var terminal = new ScriptedConsole();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Console:UserId"] = cluster.NewUserId().ToString(CultureInfo.InvariantCulture),
            ["Console:Interactive"] = "false",
        });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next(), serviceId: CineSyncCluster.ServiceId, clusterId: "in-process-bot");
            CineSyncTestCluster.ConfigureSilo(silo, cluster.ConnectionString, "model,taste");
        });
        builder.Services.AddSingleton(new BotConsole(terminal.Input, terminal.Output));
        builder.AddCineSyncBot();
        using var host = builder.Build();
        terminal.Type("/trending", "/rate title:\"Jurassic Park\" stars:4", "/quit");

        await host.RunAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Contains("🔥 Trending this week", terminal.Text, StringComparison.Ordinal);
        Assert.True(terminal.Text.Contains("Rated Jurassic Park (1993)", StringComparison.Ordinal), terminal.Text);
    }
}
