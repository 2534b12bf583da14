using CineSync.Grains.Interfaces;
using CineSync.Grains.Model;

namespace CineSync.Grains.Drift;

/// <summary>
/// Compares users' recent ratings with the current model's training data. The reference is counted once per model
/// version (a scan of the whole corpus) and kept; the recent window is counted at every check.
/// </summary>
internal sealed class DriftDetector(DriftStore store, ModelStore models)
{
    private CachedReference? _reference;

    /// <summary>The report at <paramref name="now"/>.</summary>
    public async Task<DriftReport> DetectAsync(DateTimeOffset now, DriftOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var model = await models.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        if (model.Version == 0)
        {
            return new DriftReport(now, 0, 0, 0, "no model", options.Threshold, []);
        }

        var reference = Volatile.Read(ref _reference) is { } cached && cached.Version == model.Version
            ? cached.Distributions
            : await store.ReadReferenceAsync(model.CreatedAt, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _reference, new CachedReference(model.Version, reference));
        var since = model.CreatedAt > now - options.RecentWindow ? model.CreatedAt : now - options.RecentWindow;
        var recent = await store.ReadRecentAsync(since, now, cancellationToken).ConfigureAwait(false);
        if (recent.Ratings < options.MinRecentRatings)
        {
            return new DriftReport(now, model.Version, reference.Ratings, recent.Ratings, "too few recent ratings", options.Threshold, []);
        }

        DriftDimension[] dimensions =
        [
            Dimension("genre", reference.Genres, recent.Genres, options.Threshold),
            Dimension("popularity", reference.Popularity, recent.Popularity, options.Threshold),
            Dimension("rating", reference.Stars, recent.Stars, options.Threshold),
        ];
        var status = dimensions.Any(d => d.Drifted) ? DriftReport.Drifted : DriftReport.Stable;
        return new DriftReport(now, model.Version, reference.Ratings, recent.Ratings, status, options.Threshold, dimensions);
    }

    private static DriftDimension Dimension(string name, IReadOnlyDictionary<string, long> reference, IReadOnlyDictionary<string, long> recent, double threshold)
    {
        var (psi, buckets) = PopulationStability.Compare(reference, recent);
        return new DriftDimension(name, psi, psi > threshold, buckets);
    }

    private sealed record CachedReference(int Version, RatingDistributions Distributions);
}
