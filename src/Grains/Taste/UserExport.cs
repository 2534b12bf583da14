using System.Text.Json.Serialization;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>Everything CineSync stores about one user (<c>/export_my_data</c>).</summary>
internal sealed record UserExport(
    long DiscordUserId,
    DateTimeOffset ExportedAt,
    IReadOnlyList<UserExport.Rating> Ratings,
    IReadOnlyList<UserExport.Feedback> FeedbackGiven,
    IReadOnlyList<string> FavouriteGenres,
    IReadOnlyList<int> HiddenTitles,
    IReadOnlyDictionary<string, UserExport.ModelBelief> EnsembleBeliefs,
    float[]? TasteVector,
    TasteStats Stats)
{
    internal sealed record Rating(int MovieId, string? Title, float Stars, DateTimeOffset RatedAt);

    internal sealed record Feedback(int MovieId, string? Title, string Kind, string? Model, DateTimeOffset At);

    internal sealed record ModelBelief(float Alpha, float Beta);
}

/// <summary>Indented snake_case JSON for exports.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, UseStringEnumConverter = true)]
[JsonSerializable(typeof(UserExport))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;
