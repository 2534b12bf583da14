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

    /// <summary>
    /// Least misery first lists only titles every member ranks at least this high among the candidates: none in anyone's
    /// bottom tenth. Chosen on validation splits carved from train (0.5, 0.25 and 0.1 tried): a stricter floor keeps the
    /// welfare search from reaching a title that serves the least served member.
    /// </summary>
    public const float AcceptablePercentile = 0.1f;

    /// <summary>
    /// ε of proportional fairness Σₘ ln(ε + share of their best DCG): fixed a priori at a twentieth of a member's best
    /// shortlist, so that a member with nothing yet weighs about twenty times a member already well served.
    /// </summary>
    public const double FairnessFloor = 0.05;

    /// <summary>
    /// α of least misery's welfare, fixed a priori: a member with half the share of another weighs 2³ = 8 times as much
    /// (proportional fairness, Fair's, would weigh them twice as much).
    /// </summary>
    public const double MiseryAversion = 3;

    /// <summary>The pool ordered by a score, vetoed titles last.</summary>
    public static List<(int Item, float Score)> ByScore(IEnumerable<int> pool, Func<int, double> score, HashSet<int> vetoed, int count) =>
        [.. pool.Select(j => (Item: j, Score: score(j))).OrderBy(p => vetoed.Contains(p.Item)).ThenByDescending(p => p.Score).ThenBy(p => p.Item)
            .Take(count).Select(p => (p.Item, (float)p.Score))];

    /// <summary>
    /// Least misery over the list: each next title most raises the group's welfare −Σₘ (ε + shareₘ)^(1−α) / (α − 1), shareₘ
    /// being member m's expected share of their own best shortlist's DCG so far, with a strong aversion to inequality
    /// (α = <see cref="MiseryAversion"/>; α → ∞ would serve only the least served member). A title that lifts the member the
    /// list serves worst beats a compromise the others already have, and a title several poorly served members like beats
    /// either. Only titles no member places in the bottom tenth of their own ranking are considered first (nobody is made
    /// miserable); then the others; titles some member is predicted to dislike come only when nothing else is left.
    /// </summary>
    public static List<(int Item, float Score)> LeastMisery(GroupPreferences group, IReadOnlyList<int> pool, HashSet<int> vetoed, int count)
    {
        var served = new double[group.Members];
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
                        value -= Math.Pow(FairnessFloor + served[m] + group.Gain(m, j, picks.Count), 1 - MiseryAversion) / (MiseryAversion - 1);
                    }

                    if (value > bestValue) { bestValue = value; best = j; }
                }

                if (best < 0) { break; }
                taken.Add(best);
                for (var m = 0; m < group.Members; m++)
                {
                    served[m] += group.Gain(m, best, picks.Count);
                }

                picks.Add((best, (float)served.Min()));
            }
        }

        return picks;
    }

    /// <summary>Titles no member places in the bottom tenth of their own ranking and nobody is predicted to dislike.</summary>
    public static IEnumerable<int> Acceptable(GroupPreferences group, IEnumerable<int> pool, HashSet<int> vetoed) => pool.Where(j => Tier(group, vetoed, j) == 0);

    /// <summary>
    /// Fair turns: in each round every member chooses one title, the member the list serves least so far (their expected
    /// share of their own best shortlist's DCG) first; a member chooses among their own few favourites left the one that
    /// most raises the group's proportional fairness Σₘ ln(ε + shareₘ). Every member is thus served from their own list as
    /// often as the others, and a favourite the others like too beats one they don't.
    /// </summary>
    public static List<(int Item, float Score)> Fair(GroupPreferences group, IReadOnlyList<int> pool, HashSet<int> vetoed, int count)
    {
        var served = new double[group.Members];
        var taken = new HashSet<int>();
        var picks = new List<(int, float)>(count);
        var own = Enumerable.Range(0, group.Members)
            .Select(m => pool.Where(j => !vetoed.Contains(j)).OrderByDescending(j => group.Percentiles[m][j]).ThenBy(j => j).ToArray())
            .ToArray();
        var turns = new int[group.Members];
        while (picks.Count < count)
        {
            // Rounds: whoever has had fewest turns chooses; within a round the least served first.
            var chooser = 0;
            for (var m = 1; m < group.Members; m++)
            {
                if (turns[m] < turns[chooser] || (turns[m] == turns[chooser] && served[m] < served[chooser])) { chooser = m; }
            }

            turns[chooser]++;

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

    /// <summary>Titles of a member's own list that count as "from their own top list" (the length of a personal shortlist).</summary>
    public const int OwnTopList = 10;

    /// <summary>
    /// Makes sure every member is represented on the shortlist by titles from their own top list, at least
    /// <paramref name="quota"/> each (a fair share of the list: its length ÷ the members, at least 1), wherever the eligible
    /// titles allow. The member furthest below their share gets their best own title left in place of the list's weakest pick
    /// that takes nobody else below theirs; a title on several members' top lists counts for each of them, so the strategy's
    /// compromises survive. A member without a single own top title left still gets their best eligible one.
    /// </summary>
    /// <param name="group">The members' preferences.</param>
    /// <param name="picks">The strategy's shortlist.</param>
    /// <param name="eligible">Titles the strategy may shortlist (never a vetoed one).</param>
    /// <param name="quota">Own top titles each member should find on the list.</param>
    public static List<(int Item, float Score)> Covering(GroupPreferences group, List<(int Item, float Score)> picks, IEnumerable<int> eligible, int quota)
    {
        var allowed = eligible.ToArray();
        var list = new List<(int Item, float Score)>(picks);
        bool Own(int member, int item) => group.Rank(member, item) < OwnTopList;
        int Held(int member) => list.Count(p => Own(member, p.Item));
        var settled = new HashSet<int>();
        while (true)
        {
            var needy = Enumerable.Range(0, group.Members).Where(m => !settled.Contains(m) && Held(m) < quota).OrderBy(Held).ThenBy(m => m).FirstOrDefault(-1);
            if (needy < 0) { return list; }
            var held = Held(needy);
            var listed = list.Select(p => p.Item).ToHashSet();
            var best = allowed.Where(j => !listed.Contains(j) && (held == 0 || Own(needy, j))).OrderBy(j => group.Rank(needy, j)).ThenBy(j => j).FirstOrDefault(-1);
            var slot = best < 0 ? -1 : list.FindLastIndex(p =>
                !Own(needy, p.Item) && Enumerable.Range(0, group.Members).All(o => o == needy || !Own(o, p.Item) || Held(o) > quota));
            if (slot < 0)
            {
                settled.Add(needy);
                continue;
            }

            list[slot] = (best, (float)group.MeanGain(best));
            if (!Own(needy, best)) { settled.Add(needy); }
        }
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

    /// <summary>0: no member places it in their bottom tenth; 1: not predicted to be disliked; 2: predicted to be disliked.</summary>
    private static int Tier(GroupPreferences group, HashSet<int> vetoed, int item) =>
        vetoed.Contains(item) ? 2 : group.Percentiles.All(p => p[item] >= AcceptablePercentile) ? 0 : 1;
}
