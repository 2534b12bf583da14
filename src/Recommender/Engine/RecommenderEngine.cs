using System.Collections.Concurrent;
using System.Numerics.Tensors;
using CineSync.Recommender.Bundle;
using CineSync.Recommender.Data;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Engine;

/// <summary>
/// Scores with one <see cref="ModelBundle"/>: fold-in of taste vectors, personal top-k with filters, diversity and
/// explanations, similar items and group rankings. Thread-safe; buffers are pooled so a request allocates only its
/// result (never per catalogue item). To hot-swap a model, build a new engine and swap the reference.
/// </summary>
public sealed partial class RecommenderEngine
{
    private readonly Ensemble _ensemble;
    private readonly ConcurrentBag<EnsembleScratch> _scratch = [];

    /// <summary>Creates an engine over <paramref name="bundle"/>.</summary>
    public RecommenderEngine(ModelBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        Bundle = bundle;
        _ensemble = bundle.Blend.Ensemble(bundle.Models, bundle.ItemCount);
    }

    /// <summary>The bundle this engine scores with.</summary>
    public ModelBundle Bundle { get; }

    /// <summary>Loads a bundle file and creates an engine over it.</summary>
    public static RecommenderEngine Load(string path) => new(ModelBundle.Load(path));

    /// <summary>
    /// The user's taste vector in the ALS item-factor space: the exact least-squares solution for these ratings with
    /// the item factors fixed. Recompute after every rating change; pass it back in requests to skip the solve.
    /// </summary>
    public float[] FoldIn(IReadOnlyList<UserRating> ratings) => Bundle.Als.FoldIn(Profile(ratings));

    /// <summary>Personal top-k for one user.</summary>
    public RecommendationResult Recommend(RecommendationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scratch = Rent();
        try
        {
            var profile = Profile(request.Ratings, request.Taste);
            var personalised = profile.Count > 0;
            Span<float> weights = stackalloc float[_ensemble.Models.Count];
            ResolveWeights(request.ModelWeights, personalised, weights, profile.Count);
            _ensemble.Score(profile, weights, scratch);
            var scores = scratch.Combined.AsSpan(0, Bundle.ItemCount);
            ExcludeAndFilter(scores, profile.Items, request.Exclude, request.Filter);
            var top = Select(scores, request.Count, request.Diversity);
            var items = new Recommendation[top.Length];
            for (var i = 0; i < top.Length; i++)
            {
                items[i] = Describe(top[i], profile, weights, scratch, request.ExplanationsPerItem);
            }

            return new RecommendationResult(items, personalised, Bundle.Version);
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>Items most similar to <paramref name="itemId"/>: the ensemble's ranking for someone who loved only that item.</summary>
    public IReadOnlyList<ScoredItem> Similar(int itemId, int count = 10, RecommendationFilter? filter = null)
    {
        var item = Bundle.Items.IndexOf(itemId);
        if (item < 0)
        {
            return [];
        }

        var scratch = Rent();
        try
        {
            var profile = UserProfile.Create([item], [Bundle.Policy.MaxRating], Bundle.Policy);
            Span<float> weights = stackalloc float[_ensemble.Models.Count];
            ResolveWeights(null, personalised: true, weights);
            weights[_ensemble.IndexOf("pop")] = 0f;
            _ensemble.Score(profile, weights, scratch);
            var scores = scratch.Combined.AsSpan(0, Bundle.ItemCount);
            ExcludeAndFilter(scores, profile.Items, null, filter);
            var top = Select(scores, count, 0f);
            var result = new ScoredItem[top.Length];
            for (var i = 0; i < top.Length; i++)
            {
                result[i] = new ScoredItem(Bundle.Items[top[i]], scores[top[i]]);
            }

            return result;
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    internal UserProfile Profile(IReadOnlyList<UserRating> ratings, float[]? taste = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        Span<int> items = ratings.Count <= 512 ? stackalloc int[ratings.Count] : new int[ratings.Count];
        Span<float> values = ratings.Count <= 512 ? stackalloc float[ratings.Count] : new float[ratings.Count];
        Span<long> times = ratings.Count <= 512 ? stackalloc long[ratings.Count] : new long[ratings.Count];
        for (var i = 0; i < ratings.Count; i++)
        {
            items[i] = Bundle.Items.IndexOf(ratings[i].ItemId);
            values[i] = ratings[i].Value;
            times[i] = ratings[i].Timestamp;
        }

        var profile = UserProfile.Create(items, values, Bundle.Policy, times);
        if (taste is not null && taste.Length == Bundle.TasteDimensions)
        {
            profile.Taste = taste;
        }

        return profile;
    }

    /// <summary>Global weights overridden by the per-user ones; popularity only for a user without usable ratings.</summary>
    private void ResolveWeights(IReadOnlyDictionary<string, float>? perUser, bool personalised, Span<float> weights, int ratings = int.MaxValue)
    {
        var tuned = _ensemble.WeightsFor(ratings);
        for (var m = 0; m < weights.Length; m++)
        {
            var name = _ensemble.Models[m].Name;
            weights[m] = !personalised ? (name == "pop" ? 1f : 0f)
                : perUser is not null && perUser.TryGetValue(name, out var w) ? Math.Max(0f, w)
                : tuned[m];
        }

        if (TensorPrimitives.Sum(weights) <= 0f)
        {
            weights[_ensemble.IndexOf("pop")] = 1f;
        }
    }

    private void ExcludeAndFilter(Span<float> scores, ReadOnlySpan<int> rated, IReadOnlyCollection<int>? exclude, RecommendationFilter? filter)
    {
        foreach (var item in rated)
        {
            scores[item] = float.NegativeInfinity;
        }

        foreach (var id in exclude ?? [])
        {
            var item = Bundle.Items.IndexOf(id);
            if (item >= 0)
            {
                scores[item] = float.NegativeInfinity;
            }
        }

        if (filter is null)
        {
            return;
        }

        var facts = Bundle.Facts;
        var mask = filter.Genres is { Count: > 0 } genres ? facts.Mask(genres) : ulong.MaxValue;
        var filterGenres = filter.Genres is { Count: > 0 };
        var from = filter.YearFrom ?? int.MinValue;
        var to = filter.YearTo ?? int.MaxValue;
        var yearFilter = filter.YearFrom is not null || filter.YearTo is not null;
        for (var j = 0; j < scores.Length; j++)
        {
            var year = facts.Years[j];
            if ((filterGenres && (facts.GenreMasks[j] & mask) == 0)
                || (yearFilter && (year == 0 || year < from || year > to))
                || facts.RatingCounts[j] < filter.MinRatings)
            {
                scores[j] = float.NegativeInfinity;
            }
        }
    }

    private EnsembleScratch Rent() => _scratch.TryTake(out var s) ? s : new EnsembleScratch(_ensemble.Models.Count, Bundle.ItemCount);
}
