using CineSync.Bot.Core;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Components;

/// <summary>⭐ under a recommendation: <c>rate:{movie}:{owner}</c> opens a one-title rating form.</summary>
internal sealed class RateButton(IGrainFactory grains) : IComponentHandler
{
    public static string Prefix => CustomIds.Rate;

    public static Acknowledgement Acknowledgement => Acknowledgement.Immediate;

    public async Task<BotReply> HandleAsync(ComponentInput input, CancellationToken cancellationToken)
    {
        if (Ownership.Check(input, ownerIndex: 1) is { } refusal)
        {
            return refusal;
        }

        var title = await grains.GetGrain<ICatalogueGrain>(0).GetTitleAsync(CustomIds.Int32(input.CustomId, 0)).ConfigureAwait(false);
        return new BotReply { Modal = RatingForm.Create("Rate this movie", [title], required: true) };
    }
}
