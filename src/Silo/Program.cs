using CineSync.Database.DemoData;
using CineSync.Database.Hosting;
using CineSync.Silo.Hosting;

// A CineSync silo. Start-up order: PostgreSQL (private server unless ConnectionStrings:CineSync is
// set) and migrations, then the demo data when the catalogue is empty, then the actor runtime with
// the grains (gateway for the bot), the dashboard, HTTP, and, with Bot:Enabled=true, the bot itself.
if (args is [TrainCommand.Verb, ..])
{
    return await TrainCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCineSyncSiloHost();
builder.Services.AddCineSyncDatabase(builder.Configuration);
builder.Services.AddCineSyncDemoData(builder.Configuration);
builder.AddCineSyncSilo();
builder.AddCineSyncBotWhenEnabled();

var app = builder.Build();
app.MapCineSyncHealth();
await app.RunAsync();
return 0;
