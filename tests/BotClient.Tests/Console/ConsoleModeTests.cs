using System.Globalization;
using System.Text.RegularExpressions;
using CineSync.Bot.ConsoleMode;
using CineSync.BotClient.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace CineSync.BotClient.Tests.Console;

/// <summary>The console mode a newcomer without a Discord token uses, against a real silo over TCP.</summary>
[Collection(ClusterCollection.Name)]
public sealed partial class ConsoleModeTests(ClusterFixture cluster)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_console_user_quick_rates_gets_picks_and_a_disliked_title_is_not_suggested_again()
    {
        var user = cluster.NewUserId();
        var terminal = new ScriptedConsole();
        using var host = BotHosts.Build(cluster.Silo.Client, Settings(user), console: new BotConsole(terminal.Input, terminal.Output));
        terminal.Type("/rate", "4.5", "4", "5", "3.5", "4");
        terminal.Type("/recommend count:5", "/press 2", "/recommend count:5");
        terminal.Type("/my_stats", "/why title:Matrx", "/rate title:\"Toy Story\" stars:4", "/recommend genre:thriller decade:1990s count:3");
        terminal.Type("/recommend count:abc", "/dance", "/quit");

        await host.RunAsync().WaitAsync(Wait);

        var text = terminal.Text;
        Assert.Contains("Your recommendations are personal now", text, StringComparison.Ordinal);
        var lists = FirstTitles().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.True(lists.Count >= 2, text);
        Assert.Contains("I won't suggest " + lists[0] + " again", text, StringComparison.Ordinal);
        var second = text[text.IndexOf("won't suggest", StringComparison.Ordinal)..];
        Assert.DoesNotContain(". " + lists[0] + "\n", second[..second.IndexOf("📊", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("📊 Your taste", text, StringComparison.Ordinal);
        Assert.Contains("Matrix", text, StringComparison.Ordinal);
        Assert.Contains("Rated Toy Story (1995)", text, StringComparison.Ordinal);
        Assert.Contains("Thriller", text, StringComparison.Ordinal);
        Assert.Contains("count must be a whole number", text, StringComparison.Ordinal);
        Assert.Contains("I don't know /dance", text, StringComparison.Ordinal);
        Assert.DoesNotContain("something went wrong", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_console_user_can_run_a_watch_party_by_switching_users()
    {
        var (host1, friend, other) = (cluster.NewUserId(), cluster.NewUserId(), cluster.NewUserId());
        var terminal = new ScriptedConsole();
        using var host = BotHosts.Build(cluster.Silo.Client, Settings(host1), console: new BotConsole(terminal.Input, terminal.Output));
        terminal.Type(string.Create(CultureInfo.InvariantCulture, $"/watch_party member1:{friend} member2:{other} strategy:average"), "/press 1");
        terminal.Type(string.Create(CultureInfo.InvariantCulture, $"/user {friend}"), "/help", "/quit");

        await host.RunAsync().WaitAsync(Wait);

        var text = terminal.Text;
        Assert.Contains("🍿 Watch party", text, StringComparison.Ordinal);
        Assert.Contains("✅ 1", text, StringComparison.Ordinal);
        Assert.Contains("/recommend [count] [genre] [decade]", text, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(long user) => new()
    {
        ["Console:UserId"] = user.ToString(CultureInfo.InvariantCulture),
        ["Console:Interactive"] = "false",
    };

    /// <summary>The first title of each recommendation card.</summary>
    [GeneratedRegex(@"── 🎬 Picked for you[^\n]*──\n[^\n]*\n  1\. ([^\n]+)\n")]
    private static partial Regex FirstTitles();
}
