using System.Globalization;
using CineSync.Bot.ConsoleMode;
using CineSync.BotClient.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CineSync.BotClient.Tests.Console;

/// <summary>The console as a newcomer without a token tries it: help, names, watch parties, exports, quitting.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ConsoleNewcomerTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_member_at_the_terminal_votes_after_switching_users_and_the_party_settles()
    {
        var terminal = new ScriptedConsole();
        var (a, b) = ("ann" + Random.Shared.Next(100_000), "bob" + Random.Shared.Next(100_000));
        using var host = BotHosts.Build(cluster.Silo.Client, Settings(cluster.NewUserId()), console: new BotConsole(terminal.Input, terminal.Output));
        terminal.Type($"/watch_party @{a} @{b}", "/press 1", $"/user {a}", "/press 2", $"/user {b}", "/press 1", "/quit");

        await host.RunAsync().WaitAsync(Wait);

        var text = terminal.Text;
        Assert.Contains("🍿 Watch party", text, StringComparison.Ordinal);
        Assert.Contains("@" + a, text, StringComparison.Ordinal);
        Assert.Contains("❌ 1", text, StringComparison.Ordinal);
        Assert.Contains("🍿 Tonight:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("There are no buttons to press", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_the_console_explains_user_press_quit_and_key_value_options()
    {
        var terminal = new ScriptedConsole();
        using var host = BotHosts.Build(cluster.Silo.Client, Settings(cluster.NewUserId()), console: new BotConsole(terminal.Input, terminal.Output));
        terminal.Type("/help", "/quit");

        await host.RunAsync().WaitAsync(Wait);

        foreach (var expected in new[] { "/user", "/press N", "/quit", "key:value", "title:\"The Matrix\"" })
        {
            Assert.Contains(expected, terminal.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_writes_the_file_and_says_where()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cinesync-export-" + Guid.NewGuid().ToString("N"));
        var user = cluster.NewUserId();
        var terminal = new ScriptedConsole();
        var settings = Settings(user);
        settings["Console:ExportFolder"] = folder;
        using var host = BotHosts.Build(cluster.Silo.Client, settings, console: new BotConsole(terminal.Input, terminal.Output));
        terminal.Type("/rate title:\"Toy Story\" stars:4", "/export_my_data", "/quit");

        try
        {
            await host.RunAsync().WaitAsync(Wait);

            var path = Path.Combine(folder, $"cinesync-data-{user.ToString(CultureInfo.InvariantCulture)}.json");
            Assert.Contains("Saved " + path, terminal.Text, StringComparison.Ordinal);
            Assert.Contains("Toy Story", await File.ReadAllTextAsync(path), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task The_end_of_input_stops_the_host_as_quit_does()
    {
        var terminal = new ScriptedConsole();
        using var host = BotHosts.Build(cluster.Silo.Client, Settings(cluster.NewUserId()), console: new BotConsole(terminal.Input, terminal.Output));
        terminal.Type("/trending");
        terminal.EndInput();

        await host.RunAsync().WaitAsync(Wait);

        Assert.Contains("🔥 Trending", terminal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_line_prints_above_a_waiting_prompt_and_the_prompt_comes_back()
    {
        var output = new StringWriter();
        var screen = new ConsoleScreen(new BotConsole(new StringReader(""), output));

        screen.ShowPrompt("cinesync> ");
        screen.WriteLog("info: the model is trained");
        screen.InputReceived();
        screen.WriteLine("reply");

        Assert.Equal("cinesync> " + Environment.NewLine + "info: the model is trained" + Environment.NewLine + "cinesync> reply" + Environment.NewLine, output.ToString());
    }

    private static Dictionary<string, string?> Settings(long user) => new()
    {
        ["Console:UserId"] = user.ToString(CultureInfo.InvariantCulture),
        ["Console:Interactive"] = "false",
    };
}

/// <summary>How the console mode logs: through the screen, so lines never land inside the prompt.</summary>
public sealed class ConsoleLoggingTests
{
    [Fact]
    public void In_console_mode_the_default_console_logger_is_replaced_by_the_prompt_aware_one()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = false, Args = [] });
        builder.Configuration["Console:UserId"] = "1";
        builder.Configuration["DISCORD_TOKEN"] = ""; // a token on the test machine must not switch the mode
        builder.Configuration["Discord:Token"] = "";
        builder.Services.AddSingleton<Orleans.IGrainFactory>(_ => throw new InvalidOperationException("not called"));
        builder.AddCineSyncBot();
        using var host = builder.Build();

        var providers = host.Services.GetServices<Microsoft.Extensions.Logging.ILoggerProvider>().Select(p => p.GetType().Name).ToList();

        Assert.Contains("ConsoleScreenLoggerProvider", providers);
        Assert.DoesNotContain("ConsoleLoggerProvider", providers);
    }
}
