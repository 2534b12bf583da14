using System.Globalization;
using CineSync.Bot.Core;
using CineSync.Grains.Interfaces;
using Orleans;

namespace CineSync.Bot.Components;

/// <summary>
/// "I meant this one" under a reply that picked one of several titles: <c>pick:{command}:{movie}:{owner}:{stars}:{undo}:{was}</c>
/// runs the command again for the title pressed, in place of the first answer. For /rate the rating moves: the title
/// rated by mistake gets its earlier rating back (or none).
/// </summary>
internal sealed class PickTitleButton(IGrainFactory grains, BotEngine engine) : IComponentHandler
{
    private const int OwnerIndex = 2;

    public static string Prefix => CustomIds.PickTitle;

    public static Acknowledgement Acknowledgement => Acknowledgement.Deferred;

    public async Task<BotReply> HandleAsync(ComponentInput input, CancellationToken cancellationToken)
    {
        if (Ownership.Check(input, OwnerIndex) is { } refusal)
        {
            return refusal;
        }

        var id = input.CustomId;
        var command = id[0];
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["title"] = TitleLookup.IdMarker + id[1] };
        if (CustomIds.OptionalNumber(id, 3) is { } stars)
        {
            options["stars"] = stars.ToString(CultureInfo.InvariantCulture);
        }

        if (command == "rate" && CustomIds.OptionalNumber(id, 4) is { } undo)
        {
            var user = grains.GetGrain<IUserTasteGrain>(input.UserId);
            _ = CustomIds.OptionalNumber(id, 5) is { } was
                ? await user.RateAsync((int)undo, (float)was).ConfigureAwait(false)
                : await user.RemoveRatingAsync((int)undo).ConfigureAwait(false);
        }

        var reply = await engine.RunCommandAsync(command, new CommandInput(input.UserId, "pick:" + id[1], options), cancellationToken).ConfigureAwait(false);
        return reply with { UpdatesSource = reply.Modal is null };
    }
}
