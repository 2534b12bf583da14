using CineSync.Database.DemoData;
using CineSync.Database.Hosting;

namespace CineSync.Silo.Hosting;

/// <summary>
/// The silo executable's composition, in one place for <c>Program.cs</c> and for tests that start the real silo host.
/// Start-up order: PostgreSQL (a private server unless <c>ConnectionStrings:CineSync</c> is set) and migrations, then
/// the demo data when the catalogue is empty, then Orleans with the grains (gateway for the bot), the HTTP and dashboard
/// endpoints, and, with <c>Bot:Enabled=true</c>, the bot itself.
/// </summary>
internal static class CineSyncSiloApplication
{
    /// <summary>Builds the silo's web application from command-line <paramref name="args"/> (and the usual configuration sources).</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddCineSyncSiloHost();
        builder.Services.AddCineSyncDatabase(builder.Configuration);
        builder.Services.AddCineSyncDemoData(builder.Configuration);
        builder.AddCineSyncSilo();
        builder.AddCineSyncBotWhenEnabled();

        var app = builder.Build();
        app.MapCineSyncHealth();
        app.MapCineSyncDashboard();
        return app;
    }
}
