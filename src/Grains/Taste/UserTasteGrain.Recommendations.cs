using CineSync.Grains.Catalogue;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <content>Recommendations, onboarding, explanations, similar titles and the taste snapshot.</content>
internal sealed partial class UserTasteGrain
{
    /// <summary>Candidates fetched per title shown, for the genre-affinity re-rank.</summary>
    private const int Overfetch = 3;

    /// <summary>How strongly the user's genre averages re-rank the ensemble's candidates (score × (1 + λ·affinity)).</summary>
    private const float GenreAffinityWeight = 0.5f;

    private readonly ShownTitles _shown = new();

    public async Task<RecommendationList> GetRecommendationsAsync(RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var catalogue = await catalogueStore.GetAsync();
        var count = Math.Clamp(query.Count, 1, TasteRules.MaxRecommendations);
        IReadOnlyList<string> genres = query.Genre is { Length: > 0 } genre ? [catalogue.RequireGenre(genre)] : [];

        var personal = Personal;
        if (!personal && genres.Count == 0)
        {
            genres = state.State.FavouriteGenres;
        }

        var filter = genres.Count == 0 && query.Decade is null
            ? null
            : new TitleFilter(genres.Count == 0 ? null : genres, query.Decade, query.Decade + 9);
        var snapshot = personal
            ? await SnapshotAsync(EnsembleBandit.Sample(state.State, NextDraw()))

            // Not personal yet: popularity (within the chosen genres), never what the user rated or rejected.
            : new TasteSnapshot(UserId, [], null, null, null, [.. state.State.Excluded.Concat(_ratings.Keys)]);
        var ranking = await Model.RankAsync(new PersonalRankingRequest(snapshot, personal ? count * Overfetch : count, filter, Diversity: personal ? 0.15f : 0.3f));

        // The ensemble ranks by co-rating patterns, which favour blockbusters; the user's own genre averages (5★ thrillers,
        // 1★ romances) then tilt the candidates toward what this user rates highly.
        var candidates = ranking.Items
            .Select(item => (Item: item, Entry: catalogue.Find(item.MovieId)))
            .Where(c => c.Entry is not null)
            .Select(c => (c.Item, Entry: c.Entry!, Score: personal ? c.Item.Score * (1f + (GenreAffinityWeight * _stats.Affinity(c.Entry!.Info.Genres))) : c.Item.Score))
            .OrderByDescending(c => c.Score)
            .Take(count);
        var items = new List<RecommendedTitle>(count);
        foreach (var (item, entry, score) in candidates)
        {

            _shown.Remember(item.MovieId, item.Contributions);
            var because = Reasons(catalogue, item.Because);
            var top = TopModel(item.Contributions) ?? "pop";
            items.Add(new RecommendedTitle(entry.Info, score, item.Contributions, top, Explanations.ForRecommendation(personal, because, top, genres, RatingsUntilPersonal), because));
        }

        return new RecommendationList(items, personal, RatingsUntilPersonal, ranking.ModelVersion);
    }

    public async Task<OnboardingPrompt> GetOnboardingAsync(int count) =>
        Onboarding(await catalogueStore.GetAsync(), Math.Clamp(count, 1, 25));

    public async Task<TitleExplanation> ExplainAsync(int movieId)
    {
        var catalogue = await catalogueStore.GetAsync();
        var entry = catalogue.Find(movieId) ?? throw new UnknownMovieException($"I don't know a movie with id {movieId}.");
        var snapshot = await SnapshotAsync(EnsembleBandit.Means(state.State));
        var scored = await Model.ExplainAsync(snapshot, movieId);
        var because = Reasons(catalogue, scored.Because);
        float? yours = _ratings.TryGetValue(movieId, out var rated) ? rated.Stars : null;
        return new TitleExplanation(entry.Info, Personal, yours, scored.Score, scored.Contributions, because,
            Explanations.ForTitle(entry.Info, Personal, yours, because, TopModel(scored.Contributions), state.State.Excluded.Contains(movieId)));
    }

    public async Task<IReadOnlyList<SimilarTitle>> GetSimilarAsync(int movieId, int count)
    {
        var catalogue = await catalogueStore.GetAsync();
        var target = catalogue.Find(movieId) ?? throw new UnknownMovieException($"I don't know a movie with id {movieId}.");
        count = Math.Clamp(count, 1, TasteRules.MaxRecommendations);
        var similar = await Model.SimilarAsync(movieId, count * Overfetch, null);
        var best = similar.Count == 0 ? 1f : Math.Max(1e-6f, similar.Max(s => s.Score));

        // Blend the ensemble's similarity with genre overlap, so "similar to Toy Story" stays with animated family films.
        return [.. similar
            .Where(s => !state.State.Excluded.Contains(s.MovieId))
            .Select(s => (Score: s, Entry: catalogue.Find(s.MovieId)))
            .Where(s => s.Entry is not null)
            .Select(s => (s.Score.MovieId, s.Entry!.Info, Blended: (s.Score.Score / best) + GenreOverlap(target.Info.Genres, s.Entry!.Info.Genres)))
            .OrderByDescending(s => s.Blended)
            .Take(count)
            .Select(s => new SimilarTitle(s.Info, s.Blended, _ratings.TryGetValue(s.MovieId, out var r) ? r.Stars : null))];
    }

    public async Task<TasteSnapshot> GetTasteSnapshotAsync()
    {
        // Leaves the grain: copy the ratings so later ratings cannot change a snapshot another grain holds.
        var snapshot = await SnapshotAsync(EnsembleBandit.Means(state.State));
        return snapshot with { Ratings = [.. snapshot.Ratings] };
    }

    private int RatingsUntilPersonal => Math.Max(0, TasteRules.PersonalAfter - _ratings.Count);

    /// <summary>
    /// A generator for one Thompson draw, seeded by the user and the draw's number: reproducible in tests, different
    /// per user, and nothing kept between requests (a seeded <see cref="Random"/> holds ~280 bytes a grain would keep).
    /// </summary>
    private Random NextDraw() => new(unchecked(((int)UserId ^ (int)(UserId >> 32)) + (_draws++ * 7919)));

    private async Task<TasteSnapshot> SnapshotAsync(IReadOnlyDictionary<string, float>? multipliers)
    {
        if (_taste is null && _ratings.Count > 0)
        {
            try
            {
                _taste = await Model.FoldInAsync(_ratings.Values);
            }
            catch (ModelNotReadyException)
            {
                // Rank without it; the model grain reports the same error if it is really needed.
            }
        }

        return new TasteSnapshot(UserId, _ratings.Values, _taste?.Values, _taste?.ModelVersion, multipliers, [.. state.State.Excluded]);
    }

    /// <summary>Popular titles, one per leading genre before repeating one, unrated and not rejected.</summary>
    private OnboardingPrompt Onboarding(CatalogueSnapshot catalogue, int count)
    {
        var favourites = state.State.FavouriteGenres;
        var candidates = catalogue.ByPopularity
            .Where(e => !_ratings.ContainsKey(e.Info.MovieId) && !state.State.Excluded.Contains(e.Info.MovieId))
            .Where(e => favourites.Count == 0 || e.Info.Genres.Any(g => favourites.Contains(g)))
            .Take(count * 20)
            .ToList();
        var picked = new List<TitleInfo>(count);
        var usedGenres = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in candidates)
        {
            if (picked.Count >= count) { break; }
            var lead = entry.Info.Genres.FirstOrDefault() ?? string.Empty;
            if (usedGenres.Add(lead))
            {
                picked.Add(entry.Info);
            }
        }

        foreach (var entry in candidates)
        {
            if (picked.Count >= count) { break; }
            if (!picked.Contains(entry.Info))
            {
                picked.Add(entry.Info);
            }
        }

        return new OnboardingPrompt(_ratings.Count, RatingsUntilPersonal, favourites, picked);
    }

    private List<RatedReason> Reasons(CatalogueSnapshot catalogue, IReadOnlyList<ReasonRef> because) =>
        [.. because
            .Select(b => (Reason: b, Entry: catalogue.Find(b.MovieId)))
            .Where(b => b.Entry is not null)
            .Select(b => new RatedReason(b.Reason.MovieId, b.Entry!.Info.Display, b.Reason.Stars, b.Reason.Share))];

    /// <summary>Jaccard overlap of two genre lists.</summary>
    private static float GenreOverlap(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var common = a.Count(b.Contains);
        var union = a.Count + b.Count - common;
        return union == 0 ? 0f : (float)common / union;
    }

    private static string? TopModel(IEnumerable<KeyValuePair<string, float>>? contributions) =>
        contributions?.Any() == true ? contributions.MaxBy(c => c.Value).Key : null;
}
