namespace CineSync.Recommender.Ranking;

/// <summary>
/// What a group's members want, per candidate title: where it falls in each member's own ranking (percentile), and the
/// chance it is relevant to them (<see cref="RelevanceCurve"/> of its rank in their list). Each member's chances are also
/// read against their own best shortlist's expected DCG (<see cref="Ideal"/>), which makes a member who rates little, and
/// so has lower chances everywhere, count as much as a member who rates a lot.
/// </summary>
internal sealed class GroupPreferences
{
    /// <summary>Builds the preferences from each member's percentiles (−∞ for non-candidates) and rating counts.</summary>
    /// <param name="percentiles">Per member, per title: 1 = their favourite candidate, 0 = their least favourite, −∞ = not a candidate.</param>
    /// <param name="ratings">Per member, how many titles they have rated.</param>
    /// <param name="curve">Chance of relevance by rank.</param>
    /// <param name="count">Shortlist length.</param>
    public GroupPreferences(float[][] percentiles, IReadOnlyList<int> ratings, RelevanceCurve curve, int count)
    {
        Percentiles = percentiles;
        var n = percentiles[0].Length;
        Candidates = percentiles[0].Count(p => !float.IsNegativeInfinity(p));
        Relevance = new double[percentiles.Length][];
        Ideal = new double[percentiles.Length];
        for (var m = 0; m < percentiles.Length; m++)
        {
            var p = new double[n];
            for (var j = 0; j < n; j++)
            {
                p[j] = float.IsNegativeInfinity(percentiles[m][j]) ? 0 : curve.Probability(Rank(percentiles[m][j]), ratings[m]);
            }

            Relevance[m] = p;
            for (var position = 0; position < Math.Min(count, Candidates); position++)
            {
                Ideal[m] += Discount(position) * curve.Probability(position, ratings[m]);
            }

            Ideal[m] = Math.Max(Ideal[m], 1e-12);
        }
    }

    /// <summary>Per member, per title: the title's percentile in the member's own ranking of the candidates; −∞ = not a candidate.</summary>
    public float[][] Percentiles { get; }

    /// <summary>Per member, per title: the chance the title is relevant to the member (0 for non-candidates).</summary>
    public double[][] Relevance { get; }

    /// <summary>Per member: the expected DCG of the member's own best shortlist.</summary>
    public double[] Ideal { get; }

    /// <summary>How many titles are candidates.</summary>
    public int Candidates { get; }

    /// <summary>How many members the group has.</summary>
    public int Members => Percentiles.Length;

    /// <summary>The NDCG weight of a list position (0 = top): 1 / log₂(position + 2).</summary>
    public static double Discount(int position) => 1.0 / Math.Log2(position + 2);

    /// <summary>The member's expected share of their own best shortlist's DCG gained by <paramref name="item"/> at <paramref name="position"/>.</summary>
    public double Gain(int member, int item, int position) => Discount(position) * Relevance[member][item] / Ideal[member];

    /// <summary>The members' mean expected NDCG gain of a title at the top of the list; −∞ for non-candidates.</summary>
    public double MeanGain(int item)
    {
        if (float.IsNegativeInfinity(Percentiles[0][item])) { return double.NegativeInfinity; }
        var sum = 0.0;
        for (var m = 0; m < Members; m++) { sum += Relevance[m][item] / Ideal[m]; }
        return sum / Members;
    }

    /// <summary>Where a candidate ranks in the member's own list (0 = favourite).</summary>
    public int Rank(int member, int item) => Rank(Percentiles[member][item]);

    /// <summary>The member's rank (0 = favourite) of a candidate at the given percentile.</summary>
    private int Rank(float percentile) => (int)MathF.Round((1f - percentile) * (Candidates - 1));
}
