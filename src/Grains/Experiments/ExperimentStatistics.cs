using System.Globalization;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Experiments;

/// <summary>
/// The verdict on candidate against control by like rate (👍 per title shown), each title shown a Bernoulli trial:
/// the difference with a 95% Wald interval, and P(candidate rate &gt; control rate) under Beta(1, 1) priors with the
/// posteriors' normal approximation. Titles in one list are not independent, so the interval is optimistic for small
/// samples; <see cref="ExperimentOptions.MinTitlesPerArm"/> keeps the verdict at "collecting" until both arms have data.
/// </summary>
internal static class ExperimentStatistics
{
    public const string Collecting = "collecting";
    public const string CandidateBetter = "candidate better";
    public const string ControlBetter = "control better";
    public const string NoClearDifference = "no clear difference";

    private const double Z95 = 1.959963984540054;

    public static ExperimentVerdict Verdict(OnlineFigures control, OnlineFigures candidate, ExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(control);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(options);
        if (control.TitlesShown == 0 || candidate.TitlesShown == 0)
        {
            return new ExperimentVerdict(Collecting, null, null, null, null, "No titles shown in both arms yet.");
        }

        var (pc, pt) = ((double)control.Likes / control.TitlesShown, (double)candidate.Likes / candidate.TitlesShown);
        var difference = pt - pc;
        var error = Math.Sqrt((pt * (1 - pt) / candidate.TitlesShown) + (pc * (1 - pc) / control.TitlesShown));
        var probability = ProbabilityBetter(candidate.Likes, candidate.TitlesShown, control.Likes, control.TitlesShown);
        var decision = control.TitlesShown < options.MinTitlesPerArm || candidate.TitlesShown < options.MinTitlesPerArm
            ? Collecting
            : probability >= options.DecisionProbability ? CandidateBetter
            : probability <= 1 - options.DecisionProbability ? ControlBetter
            : NoClearDifference;
        var (low, high) = (difference - (Z95 * error), difference + (Z95 * error));
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Candidate 👍 {pt:P1} of {candidate.TitlesShown} titles shown, control {pc:P1} of {control.TitlesShown}: {Points(difference)} (95% CI {Points(low)} to {Points(high)}), P(candidate better) = {probability:0.000}: {decision}.");
        return new ExperimentVerdict(decision, difference, low, high, probability, summary);
    }

    /// <summary>P(rate a &gt; rate b) for Beta(1 + likes, 1 + misses) posteriors, by their normal approximation.</summary>
    public static double ProbabilityBetter(long likesA, long shownA, long likesB, long shownB)
    {
        var (meanA, varianceA) = Posterior(likesA, shownA);
        var (meanB, varianceB) = Posterior(likesB, shownB);
        return NormalCdf((meanA - meanB) / Math.Sqrt(varianceA + varianceB));
    }

    /// <summary>Φ(x), from erfc by Abramowitz and Stegun 7.1.26 (absolute error below 1.5·10⁻⁷).</summary>
    public static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + (0.3275911 * z));
        var erfc = t * (0.254829592 + (t * (-0.284496736 + (t * (1.421413741 + (t * (-1.453152027 + (t * 1.061405429))))))));
        erfc *= Math.Exp(-z * z);
        return x >= 0 ? 1 - (erfc / 2) : erfc / 2;
    }

    private static (double Mean, double Variance) Posterior(long likes, long shown)
    {
        var mean = (1.0 + likes) / (2.0 + shown);
        return (mean, mean * (1 - mean) / (3.0 + shown));
    }

    private static string Points(double difference) => string.Create(CultureInfo.InvariantCulture, $"{(difference >= 0 ? "+" : "−")}{Math.Abs(difference) * 100:0.0} pt");
}
