using System.Globalization;
using CineSync.Bot.Core;

namespace CineSync.Bot.Components;

/// <summary>Buttons on a user's own cards carry the owner's id; anyone else pressing them is told so, privately.</summary>
internal static class Ownership
{
    public const string NotYours = "Those buttons belong to someone else's picks. Run /recommend to get your own.";

    public static BotReply? Check(ComponentInput input, int ownerIndex) =>
        input.CustomId.Count > ownerIndex
        && long.TryParse(input.CustomId[ownerIndex], NumberStyles.Integer, CultureInfo.InvariantCulture, out var owner)
        && owner == input.UserId
            ? null
            : BotReply.Private(NotYours);
}
