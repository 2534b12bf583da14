namespace CineSync.Recommender.Data;

/// <summary>One rating as read from a file or a database: external ids, value and Unix time (seconds, 0 if unknown).</summary>
/// <param name="UserId">External user id (MovieLens user id or Discord user id).</param>
/// <param name="ItemId">External item id (MovieLens movie id).</param>
/// <param name="Value">Rating value; files without ratings use 1.</param>
/// <param name="Timestamp">Unix seconds; 0 when the source has no time.</param>
public readonly record struct RatingRecord(long UserId, int ItemId, float Value, long Timestamp);

/// <summary>A rating of one user on a catalogue item, identified by the external item id.</summary>
/// <param name="ItemId">External item id.</param>
/// <param name="Value">Rating value (half stars 0.5–5.0 in CineSync).</param>
/// <param name="Timestamp">Unix seconds when rated; 0 when unknown (recency weighting then treats all alike).</param>
public readonly record struct UserRating(int ItemId, float Value, long Timestamp = 0);
