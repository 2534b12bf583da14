using CineSync.Bot.ConsoleMode;
using Orleans;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CineSync.BotClient.Tests.Infrastructure;

/// <summary>Builds the real bot host (the same <c>AddCineSyncBot</c> the program calls) over a test cluster.</summary>
internal static class BotHosts
{
    public static IHost Build(IGrainFactory grains, IReadOnlyDictionary<string, string?> settings, ILoggerProvider? logs = null, BotConsole? console = null, TimeProvider? time = null)
    {
        // The empty builder reads no environment: a DISCORD_TOKEN on the test machine cannot switch the mode.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddSingleton(grains);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        if (console is not null)
        {
            builder.Services.AddSingleton(console);
        }

        builder.AddCineSyncBot();
        return builder.Build();
    }
}
