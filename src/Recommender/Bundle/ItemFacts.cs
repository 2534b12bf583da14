using CineSync.Recommender.Data;

namespace CineSync.Recommender.Bundle;

/// <summary>Per-item facts the filters need: rating count, year (0 = unknown) and a bit mask of up to 64 genres.</summary>
internal sealed class ItemFacts
{
    public ItemFacts(int[] ratingCounts, short[] years, ulong[] genreMasks, string[] genres)
    {
        RatingCounts = ratingCounts;
        Years = years;
        GenreMasks = genreMasks;
        Genres = genres;
    }

    public int[] RatingCounts { get; }

    public short[] Years { get; }

    public ulong[] GenreMasks { get; }

    /// <summary>Genre names; bit g of a mask is Genres[g].</summary>
    public string[] Genres { get; }

    public static ItemFacts Create(TrainingData data, IReadOnlyList<ItemMetadata> catalog)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(catalog);
        var n = data.ItemCount;
        var counts = new int[n];
        for (var i = 0; i < n; i++)
        {
            counts[i] = data.ItemUsers.RowLength(i);
        }

        var years = new short[n];
        var masks = new ulong[n];
        var genres = new IdMap<string>();
        foreach (var meta in catalog)
        {
            var i = data.Items.IndexOf(meta.ItemId);
            if (i < 0) { continue; }
            years[i] = (short)(meta.Year ?? 0);
            foreach (var g in meta.Genres)
            {
                var bit = genres.GetOrAdd(g.Trim().ToLowerInvariant());
                if (bit < 64)
                {
                    masks[i] |= 1UL << bit;
                }
            }
        }

        return new ItemFacts(counts, years, masks, genres.ExternalIds.Take(64).ToArray());
    }

    /// <summary>Mask of the named genres (case-insensitive); unknown names are ignored.</summary>
    public ulong Mask(IEnumerable<string> names)
    {
        ulong mask = 0;
        foreach (var name in names)
        {
            var bit = Array.FindIndex(Genres, g => string.Equals(g, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (bit >= 0) { mask |= 1UL << bit; }
        }

        return mask;
    }
}
