namespace CineSync.Recommender.Ranking;

/// <summary>
/// How each group strategy builds its shortlist from the members' <see cref="GroupPreferences"/> over a pool of
/// candidates. Titles some member is predicted to dislike (vetoed) come only when nothing else is left.
/// </summary>
internal static class GroupLists
{
    /// <summary>Borda points go to each member's own top 10 (10 for their favourite, 1 for their 10th): a shortlist is short.</summary>
    public const int BordaListLength = 10;

    /// <summary>How many of their favourites left a member chooses from in their turn.</summary>
    public const int FairTurnChoices = 5;

    /// <summary>Least misery first lists only titles every member ranks at least this high among the candidates (their upper half).</summary>
    public const float AcceptablePercentile = 0.5f;

    /// <summary>
    /// ε of proportional fairness Σₘ ln(ε + share of their best DCG): fixed a priori at a twentieth of a member's best
    /// shortlist, so that a member with nothing yet weighs about twenty times a member already well served.
    /// </summary>
    public const double FairnessFloor = 0.05;

    /// <summary>The pool ordered by a score, vetoed titles last.</summary>
    public static List<(int Item, float Score)> ByScore(IEnumerable<int> pool, Func<int, double> score, HashSet<int> vetoed, int count) =>
        [.. pool.Select(j => (Item: j, Score: score(j))).OrderBy(p => vetoed.Contains(p.Item)).ThenByDescending(p => p.Score).ThenBy(p => p.Item)
            .Take(count).Select(p => (p.Item, (float)p.Score))];

    /// <summary>
    /// Least misery over the list: each next title maximises the chance that every member finds at least one relevant title
    /// on it, Πₘ (1 − Πⱼ (1 − pₘⱼ)), pₘⱼ being member m's chance for title j. A title relevant only to the member the list
    /// serves worst beats a compromise the others already have covered, and a title several uncovered members like beats
    /// either. Only titles every member places in the upper half of their own ranking are considered first (nobody is made
    /// miserable); then the others; titles some member is predicted to dislike come only when nothing else is left.
    /// </summary>
    public static List<(int Item, float Score)> LeastMisery(GroupPreferences group, IReadOnlyList<int> pool, HashSet<int> vetoed, int count)
    {
        var missed = new double[group.Members];
        Array.Fill(missed, 1.0);
        var taken = new HashSet<int>();
        var picks = new List<(int, float)>(count);
        for (var tier = 0; tier < 3; tier++)
        {
            while (picks.Count < count)
            {
                var best = -1;
                var bestValue = double.NegativeInfinity;
                foreach (var j in pool)
                {
                    if (taken.Contains(j) || Tier(group, vetoed, j) != tier) { continue; }
                    var value = 0.0;
                    for (var m = 0; m < group.Members; m++)
                    {
                        value += Math.Log(1 - (missed[m] * (1 - group.Relevance[m][j])));
                    }

                    // Among titles that cover equally, the one the members like more on average.
                    value += 1e-9 * group.MeanGain(j);
                    if (value > bestValue) { bestValue = value; best = j; }
                }

                if (best < 0) { break; }
                taken.Add(best);
                for (var m = 0; m < group.Members; m++)
                {
                    missed[m] *= 1 - group.Relevance[m][best];
                }

                picks.Add((best, (float)Math.Exp(bestValue)));
            }
        }

        return picks;
    }

    /// <summary>
    /// Fair turns: the member the list serves least so far (their expected share of their own best shortlist's DCG) chooses
    /// the next title, among their own few favourites left the one that most raises the group's proportional fairness
    /// Σₘ ln(ε + shareₘ). Every member is thus served from their own list, and a favourite the others like too beats one
    /// they don't; a member already served by the others' choices waits.
    /// </summary>
    public static List<(int Item, float Score)> Fair(GroupPreferences group, IReadOnlyList<int> pool, HashSet<int> vetoed, int count)
    {
        var served = new double[group.Members];
        var taken = new HashSet<int>();
        var picks = new List<(int, float)>(count);
        var own = Enumerable.Range(0, group.Members)
            .Select(m => pool.Where(j => !vetoed.Contains(j)).OrderByDescending(j => group.Percentiles[m][j]).ThenBy(j => j).ToArray())
            .ToArray();
        while (picks.Count < count)
        {
            var chooser = 0;
            for (var m = 1; m < group.Members; m++)
            {
                if (served[m] < served[chooser]) { chooser = m; }
            }

            var position = picks.Count;
            var best = -1;
            var bestValue = double.NegativeInfinity;
            foreach (var j in own[chooser].Where(j => !taken.Contains(j)).Take(FairTurnChoices))
            {
                var value = 0.0;
                for (var m = 0; m < group.Members; m++)
                {
                    value += Math.Log(FairnessFloor + served[m] + group.Gain(m, j, position));
                }

                if (value > bestValue) { bestValue = value; best = j; }
            }

            if (best < 0) { break; }
            taken.Add(best);
            for (var m = 0; m < group.Members; m++)
            {
                served[m] += group.Gain(m, best, position);
            }

            picks.Add((best, (float)group.MeanGain(best)));
        }

        picks.AddRange(ByScore(pool.Where(vetoed.Contains), group.MeanGain, vetoed, count - picks.Count));
        return picks;
    }

    /// <summary>Borda count: each member awards L points to their favourite, L−1 to the next, … over their own top L; ties by mean gain.</summary>
    public static double[] BordaPoints(GroupPreferences group)
    {
        var n = group.Percentiles[0].Length;
        var points = new double[n];
        foreach (var p in group.Percentiles)
        {
            var top = Enumerable.Range(0, n).Where(j => !float.IsNegativeInfinity(p[j])).OrderByDescending(j => p[j]).ThenBy(j => j).Take(BordaListLength);
            var rank = 0;
            foreach (var j in top)
            {
                points[j] += BordaListLength - rank++;
            }
        }

        for (var j = 0; j < n; j++)
        {
            points[j] = float.IsNegativeInfinity(group.Percentiles[0][j]) ? double.NegativeInfinity : points[j] + group.MeanGain(j);
        }

        return points;
    }

    /// <summary>0: every member places it in their upper half; 1: not predicted to be disliked; 2: predicted to be disliked.</summary>
    private static int Tier(GroupPreferences group, HashSet<int> vetoed, int item) =>
        vetoed.Contains(item) ? 2 : group.Percentiles.All(p => p[item] >= AcceptablePercentile) ? 0 : 1;
}
