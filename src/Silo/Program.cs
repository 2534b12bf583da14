using CineSync.Database.DemoData;
using CineSync.Database.Hosting;
using CineSync.Silo.Hosting;

// A CineSync silo. Start-up order: PostgreSQL (private server unless ConnectionStrings:CineSync is
// set) and migrations, then the demo data when the catalogue is empty, then HTTP.
var builder = WebApplication.CreateBuilder(args);
builder.AddCineSyncSiloHost();
builder.Services.AddCineSyncDatabase(builder.Configuration);
builder.Services.AddCineSyncDemoData(builder.Configuration);

var app = builder.Build();
app.MapCineSyncHealth();
await app.RunAsync();
