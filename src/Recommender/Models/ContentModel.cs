using System.Buffers;
using CineSync.Recommender.Data;

namespace CineSync.Recommender.Models;

/// <summary>Relative weight of each kind of content feature.</summary>
/// <param name="Genre">Genre features.</param>
/// <param name="Tag">Tag features.</param>
/// <param name="Director">Director features.</param>
/// <param name="Cast">Cast features.</param>
/// <param name="Decade">Release-decade feature.</param>
internal sealed record ContentWeights(float Genre = 1f, float Tag = 0.5f, float Director = 1f, float Cast = 0.6f, float Decade = 0.3f);

/// <summary>
/// Content similarity: each item is an L2-normalised TF-IDF vector over genres, tags, directors, cast and decade;
/// a user's profile is the signed sum of their rated items' vectors, and an item's score is its dot with the profile.
/// </summary>
internal sealed class ContentModel : IScoringModel
{
    public ContentModel(int featureCount, int[] pointers, int[] features, float[] values)
    {
        FeatureCount = featureCount;
        Pointers = pointers;
        Features = features;
        Values = values;
    }

    public string Name => "content";

    public int FeatureCount { get; }

    public int[] Pointers { get; }

    public int[] Features { get; }

    public float[] Values { get; }

    public static ContentModel Fit(IdMap<int> items, IReadOnlyList<ItemMetadata> catalog, ContentWeights weights)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(catalog);
        var vocabulary = new IdMap<string>();
        var raw = new List<(int Feature, float Weight)>[items.Count];
        foreach (var meta in catalog)
        {
            var index = items.IndexOf(meta.ItemId);
            if (index < 0)
            {
                continue;
            }

            var list = raw[index] = [];
            Add(list, vocabulary, "g:", meta.Genres, weights.Genre);
            Add(list, vocabulary, "t:", meta.Tags, weights.Tag);
            Add(list, vocabulary, "d:", meta.Directors, weights.Director);
            Add(list, vocabulary, "c:", meta.Cast, weights.Cast);
            if (meta.Year is { } year)
            {
                Add(list, vocabulary, "y:", [(year / 10 * 10).ToString(System.Globalization.CultureInfo.InvariantCulture)], weights.Decade);
            }
        }

        var documentFrequency = new int[vocabulary.Count];
        var documents = 0;
        foreach (var list in raw)
        {
            if (list is null) { continue; }
            documents++;
            foreach (var (f, _) in list)
            {
                documentFrequency[f]++;
            }
        }

        var pointers = new int[items.Count + 1];
        var features = new List<int>();
        var values = new List<float>();
        for (var i = 0; i < items.Count; i++)
        {
            var list = raw[i] ?? [];
            var norm = 0f;
            var start = values.Count;
            foreach (var (f, w) in list.OrderBy(p => p.Feature))
            {
                var v = w * MathF.Log(1f + ((float)documents / documentFrequency[f]));
                features.Add(f);
                values.Add(v);
                norm += v * v;
            }

            norm = MathF.Sqrt(norm);
            for (var k = start; k < values.Count; k++)
            {
                values[k] /= norm;
            }

            pointers[i + 1] = values.Count;
        }

        return new ContentModel(vocabulary.Count, pointers, [.. features], [.. values]);
    }

    private static void Add(List<(int, float)> list, IdMap<string> vocabulary, string prefix, IReadOnlyList<string> names, float weight)
    {
        if (weight <= 0)
        {
            return;
        }

        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            list.Add((vocabulary.GetOrAdd(prefix + name.Trim().ToLowerInvariant()), weight));
        }
    }

    public void Score(UserProfile user, Span<float> scores)
    {
        var buffer = ArrayPool<float>.Shared.Rent(FeatureCount);
        try
        {
            var profile = buffer.AsSpan(0, FeatureCount);
            profile.Clear();
            for (var r = 0; r < user.Count; r++)
            {
                var item = user.Items[r];
                for (var k = Pointers[item]; k < Pointers[item + 1]; k++)
                {
                    profile[Features[k]] += user.Weights[r] * Values[k];
                }
            }

            for (var j = 0; j < scores.Length; j++)
            {
                var s = 0f;
                for (var k = Pointers[j]; k < Pointers[j + 1]; k++)
                {
                    s += Values[k] * profile[Features[k]];
                }

                scores[j] = s;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    public void Explain(UserProfile user, int item, Span<float> contributions)
    {
        for (var r = 0; r < user.Count; r++)
        {
            contributions[r] = user.Weights[r] * Similarity(user.Items[r], item);
        }
    }

    /// <summary>Cosine similarity of two items' content vectors (merge of two sorted sparse rows).</summary>
    public float Similarity(int a, int b)
    {
        int i = Pointers[a], ie = Pointers[a + 1], j = Pointers[b], je = Pointers[b + 1];
        var s = 0f;
        while (i < ie && j < je)
        {
            var fa = Features[i];
            var fb = Features[j];
            if (fa == fb) { s += Values[i++] * Values[j++]; }
            else if (fa < fb) { i++; }
            else { j++; }
        }

        return s;
    }
}
