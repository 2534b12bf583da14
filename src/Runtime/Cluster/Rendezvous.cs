namespace CineSync.Runtime.Cluster;

/// <summary>
/// Rendezvous (highest random weight) hashing: each grain goes to the candidate with the highest
/// mix(grain hash, silo hash), so adding or removing a silo moves only the grains that must move.
/// Hashes are FNV-1a over the text, stable across processes (unlike <see cref="string.GetHashCode()"/>).
/// </summary>
internal static class Rendezvous
{
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    public static MembershipEntry? Choose(ulong grainHash, IReadOnlyList<MembershipEntry> candidates, string? role)
    {
        MembershipEntry? best = null;
        var bestScore = 0UL;
        foreach (var candidate in candidates)
        {
            if (!candidate.HasRole(role))
            {
                continue;
            }

            var score = Mix(grainHash ^ candidate.SiloHash);
            if (best is null || score > bestScore)
            {
                best = candidate;
                bestScore = score;
            }
        }

        return best;
    }

    // SplitMix64 finaliser: spreads nearby inputs over the whole range.
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
