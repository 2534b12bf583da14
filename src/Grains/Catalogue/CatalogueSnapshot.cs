using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Catalogue;

/// <summary>An immutable, in-memory copy of the catalogue: lookups, typo-tolerant search, popularity and hidden gems.</summary>
internal sealed class CatalogueSnapshot
{
    private const float HiddenGemShrinkage = 10f;
    private const int HiddenGemMinRatings = 5;
    private readonly Dictionary<int, CatalogueEntry> _byId;
    private readonly Dictionary<string, List<CatalogueEntry>> _byMainName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<CatalogueEntry>> _byOtherName = new(StringComparer.Ordinal);

    public CatalogueSnapshot(IReadOnlyList<CatalogueEntry> entries, DateTimeOffset loadedAt)
    {
        LoadedAt = loadedAt;
        _byId = entries.ToDictionary(e => e.Info.MovieId);
        Entries = entries;
        ByPopularity = [.. entries.OrderByDescending(e => e.Info.RatingCount).ThenBy(e => e.Info.MovieId)];
        Genres = [.. entries.SelectMany(e => e.Info.Genres).Where(g => g != "(no genres listed)").Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
        var rated = entries.Where(e => e.Info.MeanRating is not null && e.Info.RatingCount > 0).ToArray();
        var total = rated.Sum(e => (double)e.Info.RatingCount);
        CorpusMean = total > 0 ? (float)(rated.Sum(e => (double)e.Info.MeanRating!.Value * e.Info.RatingCount) / total) : 3.5f;
        HiddenGems = RankHiddenGems(rated, CorpusMean);
        foreach (var entry in entries)
        {
            foreach (var (name, main) in TitleText.Names(entry.Info.Title))
            {
                var index = main ? _byMainName : _byOtherName;
                if (name.Length == 0)
                {
                    continue;
                }

                if (!index.TryGetValue(name, out var named))
                {
                    named = [];
                    index[name] = named;
                }

                if (!named.Contains(entry))
                {
                    named.Add(entry);
                }
            }
        }
    }

    public DateTimeOffset LoadedAt { get; }

    public IReadOnlyList<CatalogueEntry> Entries { get; }

    /// <summary>Titles by corpus rating count, most rated first.</summary>
    public IReadOnlyList<CatalogueEntry> ByPopularity { get; }

    public IReadOnlyList<string> Genres { get; }

    /// <summary>Mean of all corpus ratings (the reference for generous / harsh).</summary>
    public float CorpusMean { get; }

    /// <summary>Hidden gems, best first.</summary>
    public IReadOnlyList<HiddenGem> HiddenGems { get; }

    public int Count => _byId.Count;

    public CatalogueEntry? Find(int movieId) => _byId.GetValueOrDefault(movieId);

    /// <summary>
    /// Titles known exactly by <paramref name="key"/> (a <see cref="TitleText.Key"/>, no year): those whose main title it is,
    /// or, when none, those it is an alternative title of.
    /// </summary>
    public IReadOnlyList<CatalogueEntry> Named(string key) =>
        _byMainName.TryGetValue(key, out var main) ? main : _byOtherName.TryGetValue(key, out var other) ? other : [];

    /// <summary>Genre names as the catalogue spells them ("sci-fi" → "Sci-Fi"); unknown names are dropped.</summary>
    public IReadOnlyList<string> CanonicalGenres(IEnumerable<string> names) =>
        [.. names.Select(n => Genres.FirstOrDefault(g => string.Equals(g, n.Trim(), StringComparison.OrdinalIgnoreCase))).OfType<string>().Distinct()];

    /// <summary>The catalogue's spelling of <paramref name="genre"/>; throws <see cref="UnknownGenreException"/> naming the genres it knows.</summary>
    public string RequireGenre(string genre) =>
        CanonicalGenres([genre]) is [var known]
            ? known
            : throw new UnknownGenreException($"I don't know the genre '{(genre.Trim() is { Length: > 40 } cut ? cut[..40] + "…" : genre.Trim())}'. Try one of: {string.Join(", ", Genres)}.");

    /// <summary>Titles ranked by match with <paramref name="query"/> (exact, prefix, contained, then trigram and edit-distance similarity).</summary>
    public IReadOnlyList<TitleMatch> Search(string query, int limit)
    {
        var (key, year) = TitleText.ParseQuery(query ?? string.Empty);
        if (key.Length == 0 || limit <= 0)
        {
            return [];
        }

        var trigrams = TitleText.Trigrams(key);
        var best = new PriorityQueue<CatalogueEntry, float>(limit + 1);
        var scores = new Dictionary<int, float>(limit + 1);
        foreach (var entry in Entries)
        {
            var score = Score(entry, key, trigrams, year);
            if (score < 0.35f)
            {
                continue;
            }

            if (best.Count < limit)
            {
                best.Enqueue(entry, score);
                scores[entry.Info.MovieId] = score;
            }
            else if (best.TryPeek(out _, out var worst) && score > worst)
            {
                scores.Remove(best.Dequeue().Info.MovieId);
                best.Enqueue(entry, score);
                scores[entry.Info.MovieId] = score;
            }
        }

        var result = new List<TitleMatch>(best.Count);
        while (best.TryDequeue(out var entry, out var score))
        {
            result.Add(new TitleMatch(entry.Info, MathF.Min(1f, score)));
        }

        result.Reverse();
        return result;
    }

    private static float Score(CatalogueEntry entry, string key, int[] trigrams, int? year)
    {
        var title = entry.Key;
        float score;
        if (title == key)
        {
            score = 1f;
        }
        else if (title.StartsWith(key, StringComparison.Ordinal))
        {
            score = 0.92f;
        }
        else if (key.Length >= 3 && title.Contains(key, StringComparison.Ordinal))
        {
            score = 0.85f;
        }
        else
        {
            // Typos: whole-title edit similarity, prefix edit similarity (the user is still typing), trigram overlap.
            var whole = Math.Abs(title.Length - key.Length) <= 4
                ? 1f - ((float)TitleText.Distance(key, title) / Math.Max(key.Length, title.Length))
                : 0f;
            var prefix = title.Length > key.Length
                ? 0.9f * (1f - ((float)TitleText.Distance(key, title.AsSpan(0, key.Length)) / key.Length))
                : 0f;
            // Trigram sets ignore repetition and length ("xxxxxxxx…" shares every trigram with "xXx"): scale by length ratio.
            var lengths = (float)Math.Min(title.Length, key.Length) / Math.Max(title.Length, key.Length);
            score = Math.Max(Math.Max(whole, prefix), TitleText.Dice(trigrams, entry.Trigrams) * MathF.Min(1f, 2f * lengths));
        }

        if (year is int wanted && entry.Info.Year is int actual)
        {
            score += wanted == actual ? 0.05f : Math.Abs(wanted - actual) <= 1 ? 0f : -0.2f;
        }

        // Equal matches: the better known title first ("The Matrix" before an obscure namesake).
        return score + (0.01f * MathF.Log10(1 + entry.Info.RatingCount));
    }

    private static List<HiddenGem> RankHiddenGems(CatalogueEntry[] rated, float corpusMean)
    {
        if (rated.Length == 0)
        {
            return [];
        }

        // "Rarely rated": at most the rating count of the 80th percentile title, at least a handful of ratings.
        var counts = rated.Select(e => e.Info.RatingCount).Order().ToArray();
        var ceiling = Math.Max(HiddenGemMinRatings * 2, counts[(int)(counts.Length * 0.8)]);
        return [.. rated
            .Where(e => e.Info.RatingCount >= HiddenGemMinRatings && e.Info.RatingCount <= ceiling)
            .Select(e => new HiddenGem(e.Info, Shrink(e.Info.MeanRating!.Value, e.Info.RatingCount, corpusMean), e.Info.RatingCount))
            .Where(g => g.ShrunkMean > corpusMean)
            .OrderByDescending(g => g.ShrunkMean)
            .ThenBy(g => g.Title.MovieId)];
    }

    private static float Shrink(float mean, int count, float prior) => ((mean * count) + (prior * HiddenGemShrinkage)) / (count + HiddenGemShrinkage);
}
