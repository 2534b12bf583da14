using System.Text;
using CineSync.Discord.Commands;
using CineSync.Discord.Emulator;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Model;
using CineSync.Discord.Interactions.Routing;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Tests.EndToEnd;

/// <summary>The hosted client (gateway + REST + router) against the Discord emulator.</summary>
public sealed class EmulatorEndToEndTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60); // a hang guard: generous for a busy machine

    [Fact]
    public async Task A_hosted_bot_registers_its_commands_replies_and_updates_the_message_on_a_button()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router
            .MapSlashCommand(
                new SlashCommandBuilder("recommend", "Movie picks").AddOption(CommandOptionBuilder.Integer("count", "How many", min: 1, max: 10)),
                ctx => ctx.ReplyAsync(new MessageProperties { Content = $"{ctx.Interaction.GetInt64("count")} picks for {ctx.Interaction.User.DisplayName}" }
                    .AddEmbed(new EmbedBuilder().WithTitle("Dune (2021)").AddField("Why", "You liked Arrival"))
                    .AddActionRow(new ActionRowBuilder()
                        .AddButton(ButtonBuilder.Create(CustomId.Create("fb", "up", "438631"), null, ButtonStyle.Success, "👍"))
                        .AddButton(ButtonBuilder.Create(CustomId.Create("fb", "down", "438631"), null, ButtonStyle.Danger, "👎")))))
            .MapComponent("fb", ctx => ctx.UpdateMessageAsync(new MessageProperties { Content = $"Noted: {ctx.CustomId![0]} on {ctx.CustomId[1]}", RemoveComponents = true })));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("recommend", Wait);

        var command = await bot.Discord.SendSlashCommandAsync(alice, channel, "recommend", [CommandOption.Integer("count", 3)]);
        var reply = await command.WaitForReplyAsync(timeout: Wait);
        var click = await bot.Discord.ClickButtonAsync(alice, reply, "fb:down:438631");
        var update = await click.WaitForResponseAsync(Wait);

        Assert.Equal("3 picks for Alice", reply.Content);
        Assert.Contains("Dune (2021)", reply.EmbedText, StringComparison.Ordinal);
        Assert.Equal(7, update.Type);
        Assert.Equal("Noted: down on 438631", (string?)update.Data!["content"]);
        AssertCleanRun(bot.Discord);
    }

    [Fact]
    public async Task A_modal_submission_is_deferred_then_edited_and_followed_by_an_ephemeral_file()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router
            .MapSlashCommand(new SlashCommandBuilder("rate", "Rate a movie"), ctx => ctx.ShowModalAsync(
                new ModalBuilder(CustomId.Create("rate", 603), "Rate The Matrix").AddTextInput(new TextInputBuilder("stars", "Stars (0.5-5)") { MaxLength = 3 })))
            .MapModal("rate", async ctx =>
            {
                await ctx.DeferAsync(ephemeral: true);
                await ctx.EditResponseAsync(new MessageProperties { Content = $"Rated {ctx.CustomId![0]}: {ctx.Interaction.GetValue("stars")}" });
                await ctx.FollowupAsync(new MessageProperties { Content = "Your data", Ephemeral = true }
                    .AddAttachment(new FileAttachment("my-data.json", Encoding.UTF8.GetBytes("{\"ratings\":[]}"), "application/json")));
            }));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("rate", Wait);

        var command = await bot.Discord.SendSlashCommandAsync(alice, channel, "rate");
        await command.WaitForResponseAsync(Wait);
        var submit = await bot.Discord.SubmitModalAsync(alice, command, new Dictionary<string, string> { ["stars"] = "4.5" });
        var original = await submit.WaitForOriginalMessageAsync(timeout: Wait);
        var followUp = await submit.WaitForFollowUpAsync(timeout: Wait);

        Assert.Equal(9, command.Response!.Type);
        Assert.Equal("Rated 603: 4.5", original.Content);
        Assert.True(original.IsEphemeral);
        Assert.Equal("my-data.json", followUp.Attachments.Single().FileName);
        AssertCleanRun(bot.Discord);
    }

    [Fact]
    public async Task After_the_gateway_drops_the_bot_resumes_and_answers_the_next_interaction()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router
            .MapSlashCommand(new SlashCommandBuilder("trending", "What is hot"), ctx => ctx.ReplyAsync("Trending now")));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("trending", Wait);
        await bot.WaitUntilSessionAsync();
        // Drop only once the emulator has seen the bot acknowledge READY's sequence, as a live session would have.
        await bot.Discord.Gateway.WaitForClientCaughtUpAsync(timeout: Wait);

        await bot.Discord.Gateway.DropConnectionsAsync();
        var command = await bot.Discord.SendSlashCommandAsync(alice, channel, "trending");
        var reply = await command.WaitForReplyAsync(timeout: Wait);

        Assert.Equal("Trending now", reply.Content);
        Assert.True(bot.Discord.Gateway.ResumeCount >= 1, "the bot identified anew instead of resuming: " + string.Join("; ", bot.Discord.Gateway.Events));
        AssertCleanRun(bot.Discord);
    }

    [Fact]
    public async Task Under_a_429_storm_no_request_is_sent_before_retry_after()
    {
        await using var bot = await EmulatedBot.StartAsync(router => router
            .MapSlashCommand(new SlashCommandBuilder("hidden_gems", "Lesser-known picks"), ctx => ctx.ReplyAsync("Gems")));
        var (channel, alice) = bot.CreateChannelWithMember();
        await bot.Discord.WaitForCommandAsync("hidden_gems", Wait);

        bot.Discord.RateLimits.StartStorm("/interactions/{interaction_id}/{interaction_token}/callback", TimeSpan.FromMilliseconds(300), count: 2);
        var command = await bot.Discord.SendSlashCommandAsync(alice, channel, "hidden_gems");
        var reply = await command.WaitForReplyAsync(timeout: Wait);

        Assert.Equal("Gems", reply.Content);
        Assert.Equal(2, bot.Discord.RateLimits.RateLimitedResponses);
        Assert.Empty(bot.Discord.RateLimits.EarlyRetries);
        AssertCleanRun(bot.Discord);
    }


    private static void AssertCleanRun(DiscordEmulator discord)
    {
        Assert.True(discord.ContractViolations.Count == 0, string.Join("; ", discord.ContractViolations));
        Assert.True(discord.LateAcknowledgements.Count == 0, string.Join("; ", discord.LateAcknowledgements));
    }
}
