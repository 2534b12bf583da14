using System.Text.Json;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <content>Stats and data export.</content>
internal sealed partial class UserTasteGrain
{
    private const int StatsListLength = 5;

    public async Task<TasteStats> GetStatsAsync()
    {
        var catalogue = await catalogueStore.GetAsync();
        var genres = _stats.Genres(StatsListLength);
        var (directors, actors) = _stats.People(
            _ratings.Values.Select(r => (Entry: catalogue.Find(r.MovieId), r.Stars)).Where(r => r.Entry is not null).Select(r => (r.Entry!, r.Stars)),
            StatsListLength);
        var style = Persona.Style(_stats.Histogram, _stats.Mean, catalogue.CorpusMean);
        var diversity = _stats.Diversity(catalogue.Genres.Count);
        return new TasteStats(
            _ratings.Count,
            _stats.Mean,
            genres,
            directors,
            actors,
            _stats.Decades(StatsListLength),
            _stats.Histogram,
            style,
            catalogue.CorpusMean,
            diversity,
            Persona.Describe(_stats.Count, genres, style, diversity),
            state.State.FeedbackCounts.ToDictionary());
    }

    public async Task<string> ExportAsync()
    {
        var catalogue = await catalogueStore.GetAsync();
        var feedback = await userData.LoadFeedbackAsync(UserId);
        var document = new UserExport(
            UserId,
            time.GetUtcNow(),
            [.. _ratings.Values.OrderBy(r => r.RatedAtUnix).Select(r => new UserExport.Rating(r.MovieId, catalogue.Find(r.MovieId)?.Info.Display, r.Stars, DateTimeOffset.FromUnixTimeSeconds(r.RatedAtUnix)))],
            [.. feedback.Select(f => new UserExport.Feedback(f.MovieId, catalogue.Find(f.MovieId)?.Info.Display, f.Kind, f.Model, f.CreatedAt))],
            state.State.FavouriteGenres,
            [.. state.State.Excluded.Order()],
            state.State.Arms.ToDictionary(a => a.Key, a => new UserExport.ModelBelief(a.Value.Alpha, a.Value.Beta)),
            _taste?.Values,
            await GetStatsAsync());
        return JsonSerializer.Serialize(document, ExportJsonContext.Default.UserExport);
    }
}
