using System.Net.Http.Headers;
using System.Text;
using CineSync.Discord.Emulator;
using CineSync.Testing;

namespace CineSync.Discord.Tests.EmulatorSelfTests;

/// <summary>Starts emulators for the self-tests and talks REST with a plain HttpClient.</summary>
internal static class EmulatorHarness
{
    public static Task<DiscordEmulator> StartAsync(TimeProvider? time = null, Action<DiscordEmulatorOptions>? configure = null)
    {
        var options = new DiscordEmulatorOptions
        {
            OpenApiSpecPath = SharedPaths.DiscordOpenApiSpec,
            HeartbeatInterval = TimeSpan.FromMilliseconds(500),
            TimeProvider = time ?? TimeProvider.System,
        };
        configure?.Invoke(options);
        return DiscordEmulator.StartAsync(options);
    }

    public static HttpClient Http(DiscordEmulator discord, bool authenticated = true)
    {
        var http = new HttpClient { BaseAddress = new Uri(discord.ApiBaseUrl + "/"), Timeout = TimeSpan.FromSeconds(60) };
        if (authenticated)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", discord.BotToken);
        }

        return http;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Registers <c>/recommend [count] [title (autocomplete)] [friend (user)]</c> the way the bot would.</summary>
    public static async Task RegisterCommandsAsync(HttpClient http, DiscordEmulator discord)
    {
        var body = """
            [{"name":"recommend","type":1,"description":"Movies for you","options":[
              {"type":4,"name":"count","description":"How many","min_value":1,"max_value":10},
              {"type":3,"name":"title","description":"A title","autocomplete":true},
              {"type":6,"name":"friend","description":"Someone to include"}]}]
            """;
        using var response = await http.PutAsync($"applications/{discord.ApplicationId}/commands", Json(body));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
