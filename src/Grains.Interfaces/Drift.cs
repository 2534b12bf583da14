using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>
/// Whether what users rate now has drifted from the current model's training data (use key 0). A stateless worker:
/// the silo that asks answers with its own latest comparison.
/// </summary>
[Alias("cinesync.DriftGrain")]
public interface IDriftGrain : IGrainWithIntegerKey
{
    /// <summary>This silo's latest drift report (computed now when it has none yet).</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<DriftReport> GetAsync();
}

/// <summary>Recent ratings against the current model's training data.</summary>
/// <param name="ComputedAt">When.</param>
/// <param name="ModelVersion">The model whose training data is the reference; 0 when none is trained.</param>
/// <param name="ReferenceRatings">Ratings the model was trained on (corpus and users' ratings up to its training).</param>
/// <param name="RecentRatings">Users' ratings in the recent window, after the model was trained.</param>
/// <param name="Status">"no model", "too few recent ratings", "stable" or "drifted".</param>
/// <param name="Threshold">The population stability index above which a dimension counts as drifted.</param>
/// <param name="Dimensions">Genre, popularity and rating-value distributions.</param>
[GenerateSerializer, Immutable, Alias("cinesync.DriftReport")]
public sealed record DriftReport(
    [property: Id(0)] DateTimeOffset ComputedAt,
    [property: Id(1)] int ModelVersion,
    [property: Id(2)] long ReferenceRatings,
    [property: Id(3)] long RecentRatings,
    [property: Id(4)] string Status,
    [property: Id(5)] double Threshold,
    [property: Id(6)] IReadOnlyList<DriftDimension> Dimensions)
{
    /// <summary>Any dimension beyond the threshold.</summary>
    public const string Drifted = "drifted";

    /// <summary>Every dimension within the threshold.</summary>
    public const string Stable = "stable";
}

/// <summary>One compared distribution.</summary>
/// <param name="Name">"genre", "popularity" or "rating".</param>
/// <param name="Psi">Population stability index: Σ (recent − reference) · ln(recent ÷ reference) over the buckets.</param>
/// <param name="Drifted">Whether <paramref name="Psi"/> exceeds the threshold.</param>
/// <param name="Buckets">Each bucket's share in the reference and recently, largest shift first.</param>
[GenerateSerializer, Immutable, Alias("cinesync.DriftDimension")]
public sealed record DriftDimension([property: Id(0)] string Name, [property: Id(1)] double Psi, [property: Id(2)] bool Drifted, [property: Id(3)] IReadOnlyList<DriftBucket> Buckets);

/// <summary>One bucket of a distribution.</summary>
/// <param name="Name">A genre, a popularity band or a star value.</param>
/// <param name="Reference">Its share of the training data's ratings.</param>
/// <param name="Recent">Its share of recent ratings.</param>
[GenerateSerializer, Immutable, Alias("cinesync.DriftBucket")]
public readonly record struct DriftBucket([property: Id(0)] string Name, [property: Id(1)] double Reference, [property: Id(2)] double Recent);
