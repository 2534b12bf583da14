using Npgsql;

namespace CineSync.Database.Import;

/// <summary>Catalogue movies by normalised title and year, for linking another data set's items to them.</summary>
internal sealed class TitleIndex
{
    private const int Ambiguous = -1;
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _loose = new(StringComparer.Ordinal);

    public static async Task<TitleIndex> LoadAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var index = new TitleIndex();
        await using var command = new NpgsqlCommand("SELECT movie_id, title, year FROM movies ORDER BY movie_id", connection);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            short? year = reader.IsDBNull(2) ? null : reader.GetInt16(2);
            index.Add(new MovieTitle(reader.GetString(1), year), reader.GetInt32(0));
        }

        return index;
    }

    /// <summary>Adds a movie; the lowest id wins an exact key, a loose key shared by two films matches neither.</summary>
    public void Add(MovieTitle title, int movieId)
    {
        _exact.TryAdd(title.MatchKey(), movieId);
        var loose = title.LooseMatchKey();
        if (!_loose.TryAdd(loose, movieId) && _loose[loose] != movieId)
        {
            _loose[loose] = Ambiguous;
        }
    }

    /// <summary>The movie with this title and year, or null when none (or no single one) matches.</summary>
    public int? Find(MovieTitle title)
    {
        if (_exact.TryGetValue(title.MatchKey(), out var id))
        {
            return id;
        }

        return _loose.TryGetValue(title.LooseMatchKey(), out id) && id != Ambiguous ? id : null;
    }
}
