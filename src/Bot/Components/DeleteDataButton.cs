using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Components;

/// <summary>The confirmation of <c>/delete_my_data</c>: <c>del:{yes|no}:{owner}</c>.</summary>
internal sealed class DeleteDataButton(IGrainFactory grains) : IComponentHandler
{
    public static string Prefix => CustomIds.DeleteData;

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> HandleAsync(ComponentInput input, CancellationToken cancellationToken)
    {
        if (Ownership.Check(input, ownerIndex: 1) is { } refusal)
        {
            return refusal;
        }

        if (input.CustomId[0] != "yes")
        {
            return new BotReply { Content = "Cancelled: nothing was deleted.", Ephemeral = true, UpdatesSource = true };
        }

        var receipt = await grains.GetGrain<IUserTasteGrain>(input.UserId).DeleteAllAsync().ConfigureAwait(false);
        return new BotReply
        {
            Content = string.Create(CultureInfo.InvariantCulture, $"🗑️ Done: {receipt.Ratings} rating(s) and {receipt.Feedback} feedback entries erased. You're starting fresh."),
            Ephemeral = true,
            UpdatesSource = true,
        };
    }
}
