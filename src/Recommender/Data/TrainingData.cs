namespace CineSync.Recommender.Data;

/// <summary>Train ratings indexed densely: users × items (CSR) and its transpose, with the id maps.</summary>
internal sealed class TrainingData
{
    private TrainingData(IdMap<long> users, IdMap<int> items, InteractionMatrix userItems)
    {
        Users = users;
        Items = items;
        UserItems = userItems;
        ItemUsers = userItems.Transpose();
    }

    public IdMap<long> Users { get; }

    public IdMap<int> Items { get; }

    /// <summary>Rows are users, columns items.</summary>
    public InteractionMatrix UserItems { get; }

    /// <summary>Rows are items, columns users.</summary>
    public InteractionMatrix ItemUsers { get; }

    public int UserCount => Users.Count;

    public int ItemCount => Items.Count;

    /// <summary>
    /// Builds the matrices. Items are the catalogue items first (so every catalogue title can be filtered and
    /// explained), then any rated item missing from the catalogue.
    /// </summary>
    public static TrainingData Create(IReadOnlyList<RatingRecord> ratings, IReadOnlyList<ItemMetadata>? catalog = null, IdMap<int>? items = null)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        var users = new IdMap<long>();
        items ??= new IdMap<int>((catalog ?? []).Select(i => i.ItemId));
        var entries = new List<MatrixEntry>(ratings.Count);
        foreach (var r in ratings)
        {
            entries.Add(new MatrixEntry(users.GetOrAdd(r.UserId), items.GetOrAdd(r.ItemId), r.Value, r.Timestamp));
        }

        return new TrainingData(users, items, InteractionMatrix.FromEntries(users.Count, items.Count, entries));
    }
}
