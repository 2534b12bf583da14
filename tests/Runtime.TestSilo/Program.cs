using CineSync.Runtime;
using CineSync.Runtime.TestSiloApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// A silo process for multi-process cluster tests and benches:
// dotnet CineSync.Runtime.TestSilo.dll --ConnectionString=... --ClusterId=c --Name=silo0 [--Roles=model,back] [--GatewayPort=0] [--SiloPort=0]
// Prints "READY <gateway port>" once it has joined the cluster.
var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { Args = args });
builder.Configuration.AddCommandLine(args);
var settings = builder.Configuration.Get<TestSiloSettings>() ?? throw new InvalidOperationException("Missing settings.");
builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(new SiloIdentity(settings.Name));
builder.Services.AddSilo(o =>
{
    o.Name = settings.Name;
    o.ClusterId = settings.ClusterId;
    o.GatewayPort = settings.GatewayPort;
    o.SiloPort = settings.SiloPort;
    foreach (var role in settings.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
    {
        o.Roles.Add(role);
    }
})
    .AddGrains(typeof(AckJournalGrain).Assembly)
    .AddPostgresGrainStorage(PersistentStateAttribute.DefaultStorageName, settings.ConnectionString)
    .UseMembershipTable(settings.ConnectionString);
using var host = builder.Build();
await host.StartAsync();
var gateway = (System.Net.IPEndPoint)host.Services.GetRequiredService<CineSync.Runtime.Hosting.SiloEndpoints>().Gateway!;
Console.WriteLine($"READY {gateway.Port}");
await host.WaitForShutdownAsync();
