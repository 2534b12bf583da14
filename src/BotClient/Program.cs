using CineSync.Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The CineSync bot: an Orleans cluster client of the silos (gateways from the membership table when
// ConnectionStrings:CineSync is set, else Cluster:Gateway, default 127.0.0.1:30000) that talks to Discord when
// DISCORD_TOKEN (or Discord:Token) is set, and runs in this terminal otherwise (--user N picks the local user id).
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>(StringComparer.Ordinal)
{
    ["--user"] = "Console:UserId",
    ["--gateway"] = "Cluster:Gateway",
});
// This process is only the bot: when Discord refuses the token it has nothing left to do, and says so with its exit code.
// A default, registered before the bot binds the Discord section, so Discord:StopHostWhenBotStops=false still wins.
builder.Services.Configure<DiscordBotOptions>(o => o.StopHostWhenBotStops = true);
// The cluster client first: hosted services start in order, so the console reads no command before it has connected.
builder.AddCineSyncClusterClient();
builder.AddCineSyncBot();
using var host = builder.Build();
await host.RunAsync();
return BotExitCodes.For(host.Services);
