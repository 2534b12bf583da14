using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Discord.Commands;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Commands;

/// <summary><c>/watch_party &lt;member1&gt; [member2…member9] [strategy]</c>: a shortlist for the group with vote buttons.</summary>
internal sealed class WatchPartyCommand(IGrainFactory grains) : IBotCommand
{
    public const int MaxInvited = 9; // with the host, the ten members a party may have

    public static SlashCommandBuilder Definition
    {
        get
        {
            var builder = new SlashCommandBuilder("watch_party", "Find a movie everyone will enjoy, then vote")
                .AddOption(CommandOptionBuilder.User("member1", "Who is watching with you", required: true));
            for (var i = 2; i <= MaxInvited; i++)
            {
                builder.AddOption(CommandOptionBuilder.User("member" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Another member"));
            }

            return builder.AddOption(CommandOptionBuilder.String("strategy", "How to combine tastes (default: least misery)")
                .AddChoice("Least misery: nobody unhappy", nameof(PartyStrategy.LeastMisery))
                .AddChoice("Average: most liked overall", nameof(PartyStrategy.Average))
                .AddChoice("Borda count", nameof(PartyStrategy.Borda))
                .AddChoice("Fair turns", nameof(PartyStrategy.Fairness)));
        }
    }

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> ExecuteAsync(CommandInput input, CancellationToken cancellationToken)
    {
        var members = new List<long> { input.UserId };
        for (var i = 1; i <= MaxInvited; i++)
        {
            if (input.GetInteger("member" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } member && !members.Contains(member))
            {
                members.Add(member);
            }
        }

        if (members.Count < 2)
        {
            throw new UserInputException("A watch party needs at least one other member: /watch_party member1:@friend");
        }

        var strategy = Enum.TryParse<PartyStrategy>(input.GetString("strategy"), ignoreCase: true, out var chosen) ? chosen : PartyStrategy.LeastMisery;
        var party = await grains.GetGrain<IWatchPartyGrain>("wp" + input.InteractionId)
            .StartAsync(new PartySetup(input.UserId, members, strategy)).ConfigureAwait(false);
        return PartyCard.Render(party) with { UpdatesSource = false };
    }
}
