using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Bot.Hosting;
using CineSync.Discord.Interactions;
using CineSync.Discord.Interactions.Routing;
using Microsoft.Extensions.Options;

namespace CineSync.Bot.DiscordMode;

/// <summary>
/// Turns Discord interactions into core inputs and core replies into interaction answers. Handlers that may take
/// over 2 s show "thinking…" once <see cref="DiscordBotOptions.DeferredGrace"/> has passed; the others get a safety net
/// that defers anyway after <see cref="DiscordBotOptions.AutoDeferAfter"/>, so every interaction is acknowledged within
/// Discord's 3 s.
/// </summary>
internal sealed class DiscordFrontEnd(BotEngine engine, TimeProvider time, IOptions<DiscordBotOptions> options)
{
    private enum Deferral
    {
        None,
        PublicMessage,
        EphemeralMessage,
        Update,
    }

    /// <summary>Maps every command, autocomplete, button prefix and form prefix of <paramref name="registry"/>.</summary>
    public static void Map(InteractionRouter router, BotRegistry registry)
    {
        foreach (var command in registry.Commands)
        {
            var name = command.Name;
            router.MapSlashCommand(command.Builder, ctx => Get(ctx).OnCommandAsync(ctx, name));
            if (typeof(IAutocompleteCommand).IsAssignableFrom(command.HandlerType))
            {
                router.MapAutocomplete(name, ctx => Get(ctx).OnAutocompleteAsync(ctx));
            }
        }

        foreach (var component in registry.Components)
        {
            router.MapComponent(component.Prefix, ctx => Get(ctx).OnComponentAsync(ctx));
        }

        foreach (var modal in registry.Modals)
        {
            router.MapModal(modal.Prefix, ctx => Get(ctx).OnModalAsync(ctx));
        }
    }

    private static DiscordFrontEnd Get(InteractionContext ctx) =>
        (DiscordFrontEnd?)ctx.Services?.GetService(typeof(DiscordFrontEnd)) ?? throw new InvalidOperationException("The bot's Discord front end is not registered.");

    private async ValueTask OnCommandAsync(InteractionContext<ApplicationCommandInteraction> ctx, string name)
    {
        var acknowledgement = engine.Registry.FindCommand(name)?.Acknowledgement ?? Acknowledgement.Immediate;
        var input = ToInput(ctx.Interaction);
        var deferral = acknowledgement switch
        {
            Acknowledgement.Deferred => Deferral.PublicMessage,
            Acknowledgement.DeferredEphemeral => Deferral.EphemeralMessage,
            _ => Deferral.None,
        };
        // The safety net of a fast command defers privately: most fast answers are private (ratings, confirmations), and a
        // private "thinking…" can carry either kind of answer, whereas a public one cannot turn into a private error.
        await RunAsync(ctx, deferral, Deferral.EphemeralMessage, fromComponent: false, ct => engine.RunCommandAsync(name, input, ct)).ConfigureAwait(false);
    }

    private async ValueTask OnAutocompleteAsync(InteractionContext<AutocompleteInteraction> ctx)
    {
        var interaction = ctx.Interaction;
        var suggestions = await engine.SuggestAsync(interaction.CommandName, ToInput(interaction), interaction.FocusedOption?.Name ?? "", interaction.FocusedText, ctx.CancellationToken).ConfigureAwait(false);
        await ctx.AutocompleteAsync(suggestions.Take(25).Select(s => AutocompleteChoice.FromString(s.Name, s.Value))).ConfigureAwait(false);
    }

    private async ValueTask OnComponentAsync(InteractionContext<ComponentInteraction> ctx)
    {
        var input = new ComponentInput(UserId(ctx.Interaction), CustomId.Parse(ctx.Interaction.CustomId));
        var acknowledgement = engine.Registry.FindComponent(input.CustomId.Prefix)?.Acknowledgement ?? Acknowledgement.Immediate;
        var deferral = acknowledgement switch
        {
            Acknowledgement.Deferred => Deferral.Update,
            Acknowledgement.DeferredEphemeral => Deferral.EphemeralMessage,
            _ => Deferral.None,
        };
        await RunAsync(ctx, deferral, Deferral.Update, fromComponent: true, ct => engine.PressAsync(input, ct)).ConfigureAwait(false);
    }

    private async ValueTask OnModalAsync(InteractionContext<ModalSubmitInteraction> ctx)
    {
        var input = new ModalInput(UserId(ctx.Interaction), CustomId.Parse(ctx.Interaction.CustomId), ctx.Interaction.Values);
        await RunAsync(ctx, Deferral.EphemeralMessage, Deferral.EphemeralMessage, fromComponent: false, ct => engine.SubmitAsync(input, ct)).ConfigureAwait(false);
    }

    private async Task RunAsync(InteractionContext ctx, Deferral deferral, Deferral safetyNet, bool fromComponent, Func<CancellationToken, Task<BotReply>> run)
    {
        // Slow handlers get a short grace before "thinking…": refusals (a misspelt title) come back within it and can
        // still be private, which a public deferral no longer allows. Fast handlers get the longer safety net.
        var work = run(ctx.CancellationToken);
        var settings = options.Value;
        var wait = deferral == Deferral.None ? settings.AutoDeferAfter : settings.DeferredGrace;
        if (!work.IsCompleted && !await CompletesWithinAsync(work, wait, ctx.CancellationToken).ConfigureAwait(false))
        {
            deferral = deferral == Deferral.None ? safetyNet : deferral;
            await DeferAsync(ctx, deferral).ConfigureAwait(false);
        }
        else
        {
            deferral = Deferral.None;
        }

        var reply = await work.ConfigureAwait(false);
        if (deferral == Deferral.None)
        {
            await ctx.RespondAsync(Callback(reply, fromComponent)).ConfigureAwait(false);
        }
        else
        {
            await FinishAsync(ctx, deferral, reply).ConfigureAwait(false);
        }
    }

    private async Task<bool> CompletesWithinAsync(Task work, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(wait, time, timeout.Token);
        var completed = await Task.WhenAny(work, delay).ConfigureAwait(false) == work;
        await timeout.CancelAsync().ConfigureAwait(false);
        return completed;
    }

    private static ValueTask DeferAsync(InteractionContext ctx, Deferral deferral) => deferral switch
    {
        Deferral.Update => ctx.DeferUpdateAsync(),
        Deferral.EphemeralMessage => ctx.DeferAsync(ephemeral: true),
        _ => ctx.DeferAsync(ephemeral: false),
    };

    private static InteractionCallback Callback(BotReply reply, bool fromComponent)
    {
        if (reply.Modal is { } modal)
        {
            return InteractionCallback.Modal(DiscordMessages.Modal(modal));
        }

        return fromComponent && reply.UpdatesSource
            ? InteractionCallback.UpdateMessage(DiscordMessages.Message(reply, isEdit: true))
            : InteractionCallback.Message(DiscordMessages.Message(reply, isEdit: false));
    }

    /// <summary>Delivers a reply after a deferral: edit @original when its visibility fits, else a follow-up.</summary>
    private static async Task FinishAsync(InteractionContext ctx, Deferral deferral, BotReply reply)
    {
        if (reply.Modal is not null)
        {
            // A form can only be the first answer; after a deferral the user is asked to try again.
            reply = BotReply.Private("Please run that again: I was too slow to open the form.");
        }

        switch (deferral)
        {
            case Deferral.Update when reply.UpdatesSource:
            case Deferral.EphemeralMessage:
            case Deferral.PublicMessage when !reply.Ephemeral:
                await ctx.EditResponseAsync(DiscordMessages.Message(reply, isEdit: true)).ConfigureAwait(false);
                break;
            case Deferral.PublicMessage:
                // An error after a public "thinking…": remove it and tell only the user.
                await ctx.DeleteResponseAsync().ConfigureAwait(false);
                await ctx.FollowupAsync(DiscordMessages.Message(reply, isEdit: false)).ConfigureAwait(false);
                break;
            default:
                await ctx.FollowupAsync(DiscordMessages.Message(reply with { Ephemeral = true }, isEdit: false)).ConfigureAwait(false);
                break;
        }
    }

    private static long UserId(Interaction interaction) => (long)interaction.User.Id;

    private static CommandInput ToInput(ApplicationCommandInteraction interaction) => new(
        UserId(interaction),
        interaction.Id.ToString(CultureInfo.InvariantCulture),
        interaction.Options.ToDictionary(o => o.Name, o => o.AsString() ?? "", StringComparer.Ordinal),
        interaction.ResolvedUsers.ToDictionary(u => (long)u.Key, u => u.Value.DisplayName));
}
