using CineSync.Grains.Catalogue;
using CineSync.Grains.Interfaces;
using CineSync.Grains.Experiments;
using CineSync.Grains.Model;
using CineSync.Grains.OnlineMetrics;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;

namespace CineSync.Grains.Taste;

/// <content>Recommendations, onboarding, explanations, similar titles and the taste snapshot.</content>
internal sealed partial class UserTasteGrain
{
    private readonly ShownTitles _shown = new();

    public async Task<RecommendationList> GetRecommendationsAsync(RecommendationQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var catalogue = await catalogueStore.GetAsync();
        var count = Math.Clamp(query.Count, 1, TasteRules.MaxRecommendations);
        List<string> genres = query.Genre is { Length: > 0 } genre ? [catalogue.RequireGenre(genre)] : [];

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
        var arm = await experiments.ArmOfAsync(UserId);
        var ranking = await Model.RankAsync(new PersonalRankingRequest(snapshot, personal ? count * GenreRerank.Overfetch : count, filter, Diversity: personal ? 0.15f : 0.3f, arm?.ModelVersion ?? 0));

        // Personal lists lean toward the user's own genre averages (the policy lives in the recommender).
        var known = ranking.Items
            .Select(item => (Item: item, Entry: catalogue.Find(item.MovieId)))
            .Where(c => c.Entry is not null)
            .Select(c => (c.Item, Entry: c.Entry!));
        var candidates = personal
            ? GenreRerank.Apply(known, c => c.Item.Score, c => _stats.Affinity(c.Entry.Info.Genres), count).Select(r => (r.Item.Item, r.Item.Entry, r.Score))
            : known.Take(count).Select(c => (c.Item, c.Entry, c.Item.Score));
        var items = new List<RecommendedTitle>(count);
        foreach (var (item, entry, score) in candidates)
        {

            _shown.Remember(item.MovieId, item.Contributions);
            var because = Reasons(catalogue, item.Because);
            var top = TopModel(item.Contributions) ?? "pop";
            items.Add(new RecommendedTitle(entry.Info, score, item.Contributions, top, Explanations.ForRecommendation(personal, because, top, genres, RatingsUntilPersonal), because));
        }

        if (items.Count > 0)
        {
            onlineMetrics.Shown(new ShownList(Guid.CreateVersion7(time.GetUtcNow()), UserId, time.GetUtcNow(), ListSurface.Recommend, ranking.TrainedVersion, arm?.ExperimentId, arm?.Arm, [.. items.Select(i => i.Title.MovieId)]));
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
        var assessment = await Model.ExplainAsync(snapshot, movieId);
        float? yours = _ratings.TryGetValue(movieId, out var rated) ? rated.Stars : null;
        var why = EngineMapping.Explanation(assessment with
        {
            LikedGenres = catalogue.CanonicalGenres(assessment.LikedGenres),
            DislikedGenres = catalogue.CanonicalGenres(assessment.DislikedGenres),
        });

        // Below the personal threshold a prediction is not worth a verdict; the user's own rating still is.
        if (!Personal && why.Verdict is not (FitVerdict.RatedHighly or FitVerdict.RatedLow))
        {
            why = why with { Verdict = FitVerdict.Unknown };
        }

        var text = ExplanationText.Verdict(entry.Info.Display, why, yours, id => catalogue.Find(id)?.Info.Display);
        return new TitleExplanation(
            entry.Info,
            Personal,
            yours,
            assessment.Score,
            why.ModelShares,
            Reasons(catalogue, assessment.Supporting),
            Explanations.ForTitle(entry.Info, Personal, text, state.State.Excluded.Contains(movieId)),
            EngineMapping.Fit(why.Verdict),
            Reasons(catalogue, assessment.Opposing));
    }

    public async Task<IReadOnlyList<SimilarTitle>> GetSimilarAsync(int movieId, int count)
    {
        var catalogue = await catalogueStore.GetAsync();
        var target = catalogue.Find(movieId) ?? throw new UnknownMovieException($"I don't know a movie with id {movieId}.");
        count = Math.Clamp(count, 1, TasteRules.MaxRecommendations);
        var similar = await Model.SimilarAsync(movieId, count * GenreRerank.Overfetch, null);
        var blended = SimilarBlend.Blend(
            [.. similar.Select(s => new ScoredItem(s.MovieId, s.Score))],
            target.Info.Genres,
            id => catalogue.Find(id)?.Info.Genres,
            count,
            state.State.Excluded.Contains);
        return [.. blended.Select(s => new SimilarTitle(catalogue.Find(s.ItemId)!.Info, s.Score, _ratings.TryGetValue(s.ItemId, out var r) ? r.Stars : null))];
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
            var lead = entry.Info.Genres.Count > 0 ? entry.Info.Genres[0] : string.Empty;
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

    private static List<RatedReason> Reasons(CatalogueSnapshot catalogue, IReadOnlyList<ReasonRef> because) =>
        [.. because
            .Select(b => (Reason: b, Entry: catalogue.Find(b.MovieId)))
            .Where(b => b.Entry is not null)
            .Select(b => new RatedReason(b.Reason.MovieId, b.Entry!.Info.Display, b.Reason.Stars, b.Reason.Share))];

    private static string? TopModel(IEnumerable<KeyValuePair<string, float>>? contributions) =>
        contributions?.Any() == true ? contributions.MaxBy(c => c.Value).Key : null;
}
