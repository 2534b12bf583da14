namespace CineSync.Recommender.Ranking;

/// <summary>
/// The chance that a title turns out relevant to a member (among the titles they go on to watch) given where it ranks in
/// the member's own list and how many titles they have rated: logit p = a + b·ln(rank + 1) + c·ln(ratings + 1), rank 0
/// being their favourite. Group strategies weigh members by it rather than by raw scores or percentiles: what predicts a
/// member's next hit is the rank in their own list, and the curve says how much a 5th favourite is worth against a 1st.
/// Fitted by logistic regression on a validation split carved from train (<see cref="Fit"/>); <see cref="Prior"/> otherwise.
/// </summary>
/// <param name="Intercept">a.</param>
/// <param name="RankSlope">b (negative: lower ranks are less likely hits).</param>
/// <param name="ActivitySlope">c (members who rate more have more hits to find).</param>
public sealed record RelevanceCurve(double Intercept, double RankSlope, double ActivitySlope)
{
    /// <summary>
    /// Fixed a priori (not fitted to any data set): a member with 100 ratings finds their favourite relevant one time in
    /// three, their 10th one time in seven, their 100th one time in seventeen.
    /// </summary>
    public static RelevanceCurve Prior { get; } = new(-2.3, -0.45, 0.35);

    /// <summary>The chance that the member's <paramref name="rank"/>-th title (0 = favourite) is relevant to them.</summary>
    public double Probability(int rank, int ratings)
    {
        var z = Intercept + (RankSlope * Math.Log(Math.Max(0, rank) + 1.0)) + (ActivitySlope * Math.Log(Math.Max(0, ratings) + 1.0));
        return 1.0 / (1.0 + Math.Exp(-z));
    }

    /// <summary>Maximum-likelihood fit (Newton's method on the logistic log-likelihood) to observed ranked titles.</summary>
    /// <param name="observations">Rank in the member's list, the member's rating count, and whether the title was relevant.</param>
    public static RelevanceCurve Fit(IEnumerable<(int Rank, int Ratings, bool Relevant)> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);

        // Aggregated per (rank, ratings): the likelihood only needs hits and trials per distinct feature vector.
        var cells = new Dictionary<(int, int), (double Hits, double Trials)>();
        foreach (var (rank, ratings, relevant) in observations)
        {
            cells.TryGetValue((rank, ratings), out var c);
            cells[(rank, ratings)] = (c.Hits + (relevant ? 1 : 0), c.Trials + 1);
        }

        if (cells.Count == 0 || cells.Values.Sum(c => c.Hits) == 0)
        {
            throw new ArgumentException("Fitting a relevance curve needs at least one relevant observation.", nameof(observations));
        }

        var data = cells.Select(c => (X: new[] { 1.0, Math.Log(c.Key.Item1 + 1.0), Math.Log(c.Key.Item2 + 1.0) }, c.Value.Hits, c.Value.Trials)).ToArray();
        var beta = new[] { Prior.Intercept, Prior.RankSlope, Prior.ActivitySlope };
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var gradient = new double[3];
            var hessian = new double[3, 3];
            foreach (var (x, hits, trials) in data)
            {
                var p = 1.0 / (1.0 + Math.Exp(-((beta[0] * x[0]) + (beta[1] * x[1]) + (beta[2] * x[2]))));
                var w = trials * p * (1 - p);
                for (var i = 0; i < 3; i++)
                {
                    gradient[i] += (hits - (trials * p)) * x[i];
                    for (var j = 0; j < 3; j++) { hessian[i, j] += w * x[i] * x[j]; }
                }
            }

            // A whisper of ridge keeps the system solvable when every member has the same rating count.
            for (var i = 0; i < 3; i++) { hessian[i, i] += 1e-6; }
            var step = Solve(hessian, gradient);
            for (var i = 0; i < 3; i++) { beta[i] += step[i]; }
            if (step.Max(Math.Abs) < 1e-9) { break; }
        }

        return new RelevanceCurve(beta[0], beta[1], beta[2]);
    }

    /// <summary>Solves the 3×3 system by Gaussian elimination with partial pivoting.</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        const int n = 3;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(m[r, col]) > Math.Abs(m[pivot, col])) { pivot = r; }
            }

            for (var c = 0; c < n; c++) { (m[col, c], m[pivot, c]) = (m[pivot, c], m[col, c]); }
            (v[col], v[pivot]) = (v[pivot], v[col]);
            for (var r = col + 1; r < n; r++)
            {
                var f = m[r, col] / m[col, col];
                for (var c = col; c < n; c++) { m[r, c] -= f * m[col, c]; }
                v[r] -= f * v[col];
            }
        }

        var x = new double[n];
        for (var r = n - 1; r >= 0; r--)
        {
            var s = v[r];
            for (var c = r + 1; c < n; c++) { s -= m[r, c] * x[c]; }
            x[r] = s / m[r, r];
        }

        return x;
    }
}
