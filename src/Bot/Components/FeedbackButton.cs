using CineSync.Bot.Core;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Components;

/// <summary>👍 / 👎 under a recommendation: <c>fb:{like|dislike}:{movie}:{owner}:{model}</c>.</summary>
internal sealed class FeedbackButton(IGrainFactory grains) : IComponentHandler
{
    public static string Prefix => CustomIds.Feedback;

    public static Acknowledgement Acknowledgement => Acknowledgement.Immediate;

    public async Task<BotReply> HandleAsync(ComponentInput input, CancellationToken cancellationToken)
    {
        if (Ownership.Check(input, ownerIndex: 2) is { } refusal)
        {
            return refusal;
        }

        var like = input.CustomId[0] == "like";
        var movieId = CustomIds.Int32(input.CustomId, 1);
        var model = input.CustomId.Count > 3 && input.CustomId[3] != "-" ? input.CustomId[3] : null;
        await grains.GetGrain<IUserTasteGrain>(input.UserId).FeedbackAsync(movieId, like ? FeedbackKind.Like : FeedbackKind.Dislike, model).ConfigureAwait(false);
        var title = await grains.GetGrain<ICatalogueGrain>(0).GetTitleAsync(movieId).ConfigureAwait(false);
        return BotReply.Private(like
            ? $"👍 Noted: more like {title.Display}."
            : $"👎 Noted: I won't suggest {title.Display} again.");
    }
}
