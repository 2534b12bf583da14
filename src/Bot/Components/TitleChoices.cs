using CineSync.Bot.Core;
using CineSync.Bot.Rendering;
using CineSync.Grains.Interfaces;

namespace CineSync.Bot.Components;

/// <summary>
/// What a reply says when the typed text named several titles, or none exactly: which title it took, and a button per
/// other title it could have meant (in the console, numbered for <c>/press N</c>).
/// </summary>
internal static class TitleChoices
{
    private const int MaxButtons = 4;

    /// <summary>"Several films are called 'Saw': I took Saw (2004), the most rated." or null when the text named one title.</summary>
    public static string? Note(TitleResolution resolution, string typed) => resolution.Kind switch
    {
        TitleMatchKind.MostLikely when resolution.Alternatives.Count > 0 =>
            $"Several films match '{Text.Truncate(typed.Trim(), 80)}': I took **{resolution.Title.Display}**. Meant another? Pick it below (or add the year).",
        TitleMatchKind.MostLikely => null,
        TitleMatchKind.Closest =>
            $"No film is called exactly '{Text.Truncate(typed.Trim(), 80)}': I took **{resolution.Title.Display}**.{(resolution.Alternatives.Count > 0 ? " Meant another? Pick it below." : "")}",
        _ => null,
    };

    /// <summary>One row of "meant this one" buttons for the alternatives, or none.</summary>
    public static IReadOnlyList<BotButton> Buttons(TitleResolution resolution, string command, long ownerId, double? stars = null, RatingReceipt? rated = null) =>
        [.. resolution.Alternatives.Take(MaxButtons).Select(alternative => new BotButton(
            CustomIds.PickTitleButton(command, alternative.MovieId, ownerId, stars, rated?.Title.MovieId, rated?.PreviousStars),
            Text.Truncate(alternative.Display, 80)))];

    /// <summary><paramref name="reply"/> with the note above it and the alternatives as its last row of buttons.</summary>
    public static BotReply Decorate(BotReply reply, TitleResolution resolution, string typed, string command, long ownerId, double? stars = null, RatingReceipt? rated = null)
    {
        if (Note(resolution, typed) is not { } note)
        {
            return reply;
        }

        var buttons = Buttons(resolution, command, ownerId, stars, rated);
        var content = reply.Content is { Length: > 0 } existing ? note + "\n" + existing : note;
        return reply with
        {
            Content = content,
            Rows = buttons.Count == 0 ? reply.Rows : [.. reply.Rows.Take(4), buttons],
        };
    }
}
