namespace CineSync.Recommender.Evaluation;

/// <summary>
/// The mean of paired differences aᵢ − bᵢ (the same group measured under two strategies) with its standard error
/// sd(d)/√n and a 95 % interval (normal approximation). Pairing removes the spread between groups, which dwarfs the
/// spread between strategies: most of a row's variance is which users happened to meet, not how they were served.
/// </summary>
/// <param name="Mean">Mean difference.</param>
/// <param name="StandardError">Standard error of the mean difference.</param>
/// <param name="Pairs">Number of pairs.</param>
public readonly record struct PairedDifference(double Mean, double StandardError, int Pairs)
{
    /// <summary>z for a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959964;

    /// <summary>Lower end of the 95 % interval.</summary>
    public double Low => Mean - (Z95 * StandardError);

    /// <summary>Upper end of the 95 % interval.</summary>
    public double High => Mean + (Z95 * StandardError);

    /// <summary>Whether the 95 % interval excludes zero.</summary>
    public bool Significant => Low > 0 || High < 0;

    /// <summary>The paired difference of two equally long series.</summary>
    public static PairedDifference Of(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException("Paired series must be equally long.", nameof(b));
        }

        var n = a.Count;
        if (n == 0) { return new PairedDifference(0, 0, 0); }
        var mean = 0.0;
        for (var i = 0; i < n; i++) { mean += a[i] - b[i]; }
        mean /= n;
        if (n == 1) { return new PairedDifference(mean, double.PositiveInfinity, 1); }
        var squares = 0.0;
        for (var i = 0; i < n; i++)
        {
            var d = a[i] - b[i] - mean;
            squares += d * d;
        }

        return new PairedDifference(mean, Math.Sqrt(squares / (n - 1) / n), n);
    }
}
