using CineSync.Discord.Commands;
using CineSync.Discord.Emulator;
using CineSync.Discord.Emulator.Model;
using CineSync.Discord.Gateway;
using CineSync.Discord.Hosting;
using CineSync.Discord.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CineSync.Discord.Tests.EndToEnd;

/// <summary>Handlers run on their own tasks: a slow one delays no other, a failing one leaves the user an answer.</summary>
public sealed class HandlerIsolationTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60); // a hang guard: generous for a busy machine

    [Fact]
    public async Task A_slow_handler_does_not_delay_other_interactions()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await EmulatedBot.StartAsync(router => router
            .MapSlashCommand(new SlashCommandBuilder("similar", "Similar movies"), async ctx =>
            {
                await ctx.DeferAsync();
                await release.Task;
                await ctx.EditResponseAsync(new MessageProperties { Content = "Similar: Blade Runner" });
            })
            .MapSlashCommand(new SlashCommandBuilder("trending", "What is hot"), ctx => ctx.ReplyAsync("Trending now")));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("trending", Wait);

        var slow = await bot.Discord.SendSlashCommandAsync(alice, channel, "similar");
        await slow.WaitForResponseAsync(Wait);
        var fast = await bot.Discord.SendSlashCommandAsync(alice, channel, "trending");
        var fastReply = await fast.WaitForReplyAsync(timeout: Wait);
        release.SetResult();
        var slowReply = await slow.WaitForOriginalMessageAsync(timeout: Wait);

        Assert.Equal("Trending now", fastReply.Content);
        Assert.Equal("Similar: Blade Runner", slowReply.Content);
        Assert.Empty(bot.Discord.LateAcknowledgements);
    }

    [Fact]
    public async Task A_handler_that_throws_before_answering_leaves_an_ephemeral_apology()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router
            .MapSlashCommand(new SlashCommandBuilder("why", "Explain a pick"), _ => throw new InvalidOperationException("model unavailable")));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("why", Wait);

        var command = await bot.Discord.SendSlashCommandAsync(alice, channel, "why");
        var response = await command.WaitForResponseAsync(Wait);

        Assert.Equal(4, response.Type);
        Assert.True(response.IsEphemeral);
        Assert.Equal(new DiscordInteractionsOptions().ErrorMessage, (string?)response.Data!["content"]);
    }

    [Fact]
    public async Task A_fatal_gateway_close_stops_the_host_with_the_reason()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router.MapCommand("noop", ctx => ctx.DeferUpdateAsync()));
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        var gateway = bot.Host.Services.GetRequiredService<GatewayClient>();
        var stopping = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await bot.WaitUntilSessionAsync();

        await bot.Discord.Gateway.CloseWithAsync(4004, "Authentication failed");
        await stopping.Task.WaitAsync(Wait);

        var error = await Assert.ThrowsAsync<GatewayFatalException>(() => gateway.Completion);
        Assert.Contains("token", error.Message, StringComparison.Ordinal);
    }
}
