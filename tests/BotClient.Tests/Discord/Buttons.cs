using System.Globalization;
using CineSync.Discord.Emulator.Model;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>Reads the bot's buttons off an emulated message.</summary>
internal static class Buttons
{
    public static IReadOnlyList<string> Ids(EmulatedMessage message) =>
        [.. message.InteractiveComponents.Select(c => (string?)c["custom_id"] ?? "")];

    /// <summary>The custom_ids starting with <paramref name="prefix"/>, in order.</summary>
    public static IReadOnlyList<string> WithPrefix(EmulatedMessage message, string prefix) =>
        [.. Ids(message).Where(id => id.StartsWith(prefix, StringComparison.Ordinal))];

    /// <summary>The movie ids behind the 👎 buttons of a recommendation card, in order.</summary>
    public static IReadOnlyList<int> RecommendedMovies(EmulatedMessage message) =>
        [.. WithPrefix(message, "fb:dislike:").Select(id => int.Parse(id.Split(':')[2], CultureInfo.InvariantCulture))];

    /// <summary>The text inputs' custom_ids of a modal (label or legacy action-row form).</summary>
    public static IReadOnlyList<string> ModalInputs(System.Text.Json.Nodes.JsonObject modal) =>
        [.. (modal["components"]?.AsArray() ?? []).Select(c => (string?)(c?["component"] ?? c?["components"]?[0])?["custom_id"] ?? "")];
}
