using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>
/// What a user grain persists through its storage provider. Ratings are not here: <c>user_ratings</c> is their system
/// of record (committed before each acknowledgement) and is read back on activation, so a rating costs one write.
/// Stored as plain JSON (no CLR type names): add members freely, rename them only with a migration.
/// </summary>
internal sealed class UserTasteState
{
    /// <summary>Genres the user chose during onboarding.</summary>
    public List<string> FavouriteGenres { get; set; } = [];

    /// <summary>Thompson-sampling arms of the ensemble, by model name.</summary>
    public Dictionary<string, BetaArm> Arms { get; set; } = [];

    /// <summary>Titles never to show again (👎, not interested, watched).</summary>
    public HashSet<int> Excluded { get; set; } = [];

    /// <summary>Feedback given, by kind.</summary>
    public Dictionary<FeedbackKind, int> FeedbackCounts { get; set; } = [];
}

/// <summary>Beta(α, β) belief that a model's recommendations please this user.</summary>
internal readonly record struct BetaArm(float Alpha, float Beta);
