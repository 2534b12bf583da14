using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Components;

/// <summary>✅ / ❌ on a watch party's shortlist: <c>vote:{party}:{movie}:{1|0}</c>. Updates the party message with the live tally.</summary>
internal sealed class VoteButton(IGrainFactory grains) : IComponentHandler
{
    public static string Prefix => CustomIds.Vote;

    public static Acknowledgement Acknowledgement => Acknowledgement.Immediate;

    public async Task<BotReply> HandleAsync(ComponentInput input, CancellationToken cancellationToken)
    {
        // The grain refuses non-members with a WatchPartyException whose message the user sees privately.
        var party = await grains.GetGrain<IWatchPartyGrain>(CustomIds.Argument(input.CustomId, 0))
            .VoteAsync(input.UserId, CustomIds.Int32(input.CustomId, 1), CustomIds.Argument(input.CustomId, 2) == "1").ConfigureAwait(false);
        return PartyCard.Render(party);
    }
}
