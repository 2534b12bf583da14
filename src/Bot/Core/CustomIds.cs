using System.Globalization;
using CineSync.Discord.Interactions.Routing;

namespace CineSync.Bot.Core;

/// <summary>
/// The custom_id layouts of the bot's buttons and forms. State travels in the id (movie, owner, party), so the
/// bot keeps none and any bot process can handle any press.
/// </summary>
internal static class CustomIds
{
    public const string Feedback = "fb";
    public const string Vote = "vote";
    public const string DeleteData = "del";
    public const string Rate = "rate";
    public const string RateForm = "rateform";
    public const string PickTitle = "pick";

    /// <summary><c>fb:{like|dislike}:{movie}:{owner}:{model}</c>.</summary>
    public static string FeedbackButton(string kind, int movieId, long ownerId, string? model) =>
        CustomId.Create(Feedback, kind, Number(movieId), Number(ownerId), string.IsNullOrEmpty(model) ? "-" : model);

    /// <summary><c>rate:{movie}:{owner}</c>: the ⭐ button, opening a one-title rating form.</summary>
    public static string RateButton(int movieId, long ownerId) => CustomId.Create(Rate, Number(movieId), Number(ownerId));

    /// <summary>
    /// <c>pick:{command}:{movie}:{owner}:{stars|-}:{undo|-}:{was|-}</c>: "I meant this one" under a reply that picked one of
    /// several titles; for /rate, <c>undo</c> is the title rated instead and <c>was</c> its rating before (to restore).
    /// </summary>
    public static string PickTitleButton(string command, int movieId, long ownerId, double? stars, int? undoMovieId, float? wasStars) =>
        CustomId.Create(PickTitle, command, Number(movieId), Number(ownerId), Optional(stars), undoMovieId is int undo ? Number(undo) : "-", Optional(wasStars));

    public static double? OptionalNumber(CustomId id, int index) =>
        id.Count > index && id[index] != "-" && double.TryParse(id[index], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Optional(double? value) => value is double v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "-";

    /// <summary><c>vote:{party}:{movie}:{1|0}</c>.</summary>
    public static string VoteButton(string partyId, int movieId, bool approve) => CustomId.Create(Vote, partyId, Number(movieId), approve ? "1" : "0");

    /// <summary><c>del:{yes|no}:{owner}</c>.</summary>
    public static string DeleteButton(bool confirm, long ownerId) => CustomId.Create(DeleteData, confirm ? "yes" : "no", Number(ownerId));

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a user reads when a button's id is not one the bot made (tampered, or from a much older version).</summary>
    public const string Damaged = "That button no longer works. Run the command again.";

    /// <summary>Argument <paramref name="index"/> of <paramref name="id"/>; a missing one is a damaged button, not a fault.</summary>
    public static string Argument(CustomId id, int index) =>
        index < id.Count ? id[index] : throw new UserInputException(Damaged);

    public static int Int32(CustomId id, int index) =>
        int.TryParse(Argument(id, index), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new UserInputException(Damaged);
}
