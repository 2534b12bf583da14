using CineSync.Discord.Commands;
using CineSync.Discord.Emulator;
using CineSync.Discord.Emulator.Model;
using CineSync.Discord.Gateway;
using CineSync.Discord.Hosting;
using CineSync.Discord.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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
    public async Task A_revoked_token_stops_only_the_bot_and_health_reports_it_down()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router.MapCommand("noop", ctx => ctx.DeferUpdateAsync()));
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        var status = bot.Host.Services.GetRequiredService<DiscordBotStatus>();
        await bot.WaitUntilSessionAsync();

        await bot.Discord.Gateway.CloseWithAsync(4004, "Authentication failed");
        await Task.Delay(Timeout.Infinite, status.Stopped).WaitAsync(Wait).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.True(status.IsStopped);
        Assert.Contains("token", status.StoppedReason, StringComparison.Ordinal);
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        var health = await bot.Host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.Equal(HealthStatus.Degraded, health.Entries["discord"].Status);
        Assert.Contains("stopped", health.Entries["discord"].Description, StringComparison.Ordinal);
        Assert.Empty(bot.Discord.Gateway.UnansweredCloses);
    }

    [Fact]
    public async Task A_process_that_is_only_the_bot_stops_when_the_token_is_revoked()
    {
        await using var bot = await EmulatedBot.StartAsync(
            router => router.MapCommand("noop", ctx => ctx.DeferUpdateAsync()),
            services => services.Configure<DiscordInteractionsOptions>(o => o.StopHostWhenBotStops = true));
        var lifetime = bot.Host.Services.GetRequiredService<IHostApplicationLifetime>();
        var stopping = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());
        await bot.WaitUntilSessionAsync();

        await bot.Discord.Gateway.CloseWithAsync(4004, "Authentication failed");
        await stopping.Task.WaitAsync(Wait);

        Assert.True(bot.Host.Services.GetRequiredService<DiscordBotStatus>().IsStopped);
    }

    [Fact]
    public async Task When_Discord_closes_the_socket_the_bot_answers_the_close_frame_then_resumes()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router.MapSlashCommand(new SlashCommandBuilder("ping", "Ping"), ctx => ctx.ReplyAsync("pong")));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("ping", Wait);
        await bot.WaitUntilSessionAsync();

        await bot.Discord.Gateway.CloseWithAsync(4000, "Unknown error");
        var reply = await (await bot.Discord.SendSlashCommandAsync(alice, channel, "ping")).WaitForReplyAsync(timeout: Wait);

        Assert.Equal("pong", reply.Content);
        Assert.Equal(1, bot.Discord.Gateway.AnsweredCloses);
        Assert.Empty(bot.Discord.Gateway.UnansweredCloses);
        Assert.Equal(1, bot.Discord.Gateway.ResumeCount);
    }

    [Fact]
    public async Task A_command_the_bot_no_longer_has_gets_an_ephemeral_answer()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router.MapSlashCommand(new SlashCommandBuilder("ping", "Ping"), ctx => ctx.ReplyAsync("pong")));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("ping", Wait);

        var stale = await bot.Discord.SendStaleSlashCommandAsync(alice, channel, "old_recommend");
        var response = await stale.WaitForResponseAsync(Wait);

        Assert.Equal(4, response.Type);
        Assert.True(response.IsEphemeral);
        Assert.Equal(new DiscordInteractionsOptions().UnknownCommandMessage, (string?)response.Data!["content"]);
        Assert.Contains("no longer available", (string?)response.Data!["content"], StringComparison.Ordinal);
    }
}
