using CineSync.Grains.Data;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CineSync.Grains.Catalogue;

/// <summary>
/// The silo's copy of the catalogue (movies and people tables), loaded on first use and shared by every grain.
/// An empty catalogue (a silo started before the import) is re-read at most every <see cref="EmptyRetry"/>.
/// </summary>
internal sealed class CatalogueStore(GrainsDatabase database, TimeProvider time, IOptions<CineSyncGrainsOptions> options) : IDisposable
{
    private static readonly TimeSpan EmptyRetry = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<(int Days, int Count), (DateTimeOffset At, IReadOnlyList<TrendingTitle> Items)> _trending = [];
    private CatalogueSnapshot? _snapshot;

    /// <summary>Releases the load gate (the silo's container disposes this singleton).</summary>
    public void Dispose() => _gate.Dispose();

    /// <summary>The loaded catalogue.</summary>
    public ValueTask<CatalogueSnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = _snapshot;
        return snapshot is not null && (snapshot.Count > 0 || time.GetUtcNow() - snapshot.LoadedAt < EmptyRetry)
            ? ValueTask.FromResult(snapshot)
            : new ValueTask<CatalogueSnapshot>(LoadAsync(snapshot, cancellationToken));
    }

    /// <summary>Reloads from the database (after an import).</summary>
    public Task<CatalogueSnapshot> ReloadAsync(CancellationToken cancellationToken = default) => LoadAsync(_snapshot, cancellationToken);

    /// <summary>Titles most rated by Discord users in the last <paramref name="days"/> days, topped up by corpus popularity.</summary>
    public async Task<IReadOnlyList<TrendingTitle>> TrendingAsync(int days, int count, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        lock (_trending)
        {
            if (_trending.TryGetValue((days, count), out var cached) && now - cached.At < options.Value.TrendingCacheAge)
            {
                return cached.Items;
            }
        }

        var catalogue = await GetAsync(cancellationToken).ConfigureAwait(false);
        var items = new List<TrendingTitle>(count);
        await using (var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = new NpgsqlCommand("""
            SELECT movie_id, count(*)::int, avg(rating)::real, count(*) FILTER (WHERE rating >= @liked)::int AS likes FROM user_ratings
            WHERE rated_at >= @since GROUP BY movie_id
            HAVING count(*) FILTER (WHERE rating >= @liked) > count(*) FILTER (WHERE rating < @liked)
            ORDER BY likes DESC, avg(rating) DESC, movie_id LIMIT @n
            """, connection))
        {
            command.Parameters.AddWithValue("since", now.AddDays(-days));
            command.Parameters.AddWithValue("n", count);

            // Trending means liked by many lately: ranked by recent likes, and only titles liked more often than not.
            command.Parameters.AddWithValue("liked", TrendingTitle.LikedAtOrAbove);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (catalogue.Find(reader.GetInt32(0)) is { } entry)
                {
                    items.Add(new TrendingTitle(entry.Info, reader.GetInt32(1), reader.GetFloat(2), FromCorpus: false, RecentLikes: reader.GetInt32(3)));
                }
            }
        }

        foreach (var entry in catalogue.ByPopularity)
        {
            if (items.Count >= count) { break; }
            if (items.All(t => t.Title.MovieId != entry.Info.MovieId))
            {
                items.Add(new TrendingTitle(entry.Info, 0, null, FromCorpus: true));
            }
        }

        lock (_trending)
        {
            _trending[(days, count)] = (now, items);
        }

        return items;
    }

    private async Task<CatalogueSnapshot> LoadAsync(CatalogueSnapshot? seen, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!ReferenceEquals(_snapshot, seen) && _snapshot is not null)
            {
                return _snapshot; // someone else loaded while we waited
            }

            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            var people = await LoadPeopleAsync(connection, cancellationToken).ConfigureAwait(false);
            var entries = new List<CatalogueEntry>();
            await using (var command = new NpgsqlCommand("SELECT movie_id, title, year, genres, popularity, mean_rating FROM movies", connection))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var id = reader.GetInt32(0);
                    var title = TitleText.Display(reader.GetString(1));
                    var info = new TitleInfo(
                        id,
                        title,
                        reader.IsDBNull(2) ? null : reader.GetInt16(2),
                        reader.GetFieldValue<string[]>(3),
                        (int)reader.GetFloat(4),
                        reader.IsDBNull(5) ? null : reader.GetFloat(5));
                    var (directors, actors) = people.GetValueOrDefault(id, ([], []));
                    var key = TitleText.Key(title);
                    entries.Add(new CatalogueEntry(info, directors, actors, key, TitleText.Trigrams(key)));
                }
            }

            _snapshot = new CatalogueSnapshot(entries, time.GetUtcNow());
            return _snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<Dictionary<int, (List<string> Directors, List<string> Actors)>> LoadPeopleAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var people = new Dictionary<int, (List<string>, List<string>)>();
        await using var command = new NpgsqlCommand("""
            SELECT mp.movie_id, mp.role, p.name FROM movie_people mp JOIN people p USING (person_id)
            WHERE mp.role = 'director' OR mp.billing <= 5 ORDER BY mp.movie_id, mp.billing
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var id = reader.GetInt32(0);
            if (!people.TryGetValue(id, out var lists))
            {
                lists = ([], []);
                people[id] = lists;
            }

            (reader.GetString(1) == "director" ? lists.Item1 : lists.Item2).Add(reader.GetString(2));
        }

        return people;
    }
}
