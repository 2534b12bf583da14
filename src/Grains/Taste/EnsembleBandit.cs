using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Taste;

/// <summary>
/// Per-user ensemble weights by Thompson sampling. Each model has a Beta(α, β) belief that its picks please the user;
/// feedback on a title credits each model by its share of that title's score (👍 adds to α, 👎 / not interested to β,
/// watched half to α: the model found something relevant). Every request samples θ per model and multiplies the model's
/// global weight by 2θ, so an untouched prior (mean ½) keeps the global weights on average while exploring.
/// </summary>
internal static class EnsembleBandit
{
    /// <summary>Prior pseudo-counts: weights move after a handful of feedback, not the first click.</summary>
    public const float Prior = 4f;

    public static BetaArm Arm(UserTasteState state, string model) => state.Arms.GetValueOrDefault(model, new BetaArm(Prior, Prior));

    /// <summary>Credits the models behind a title (positive contributions normalised to shares).</summary>
    public static void Credit(UserTasteState state, IReadOnlyCollection<KeyValuePair<string, float>> contributions, FeedbackKind kind)
    {
        var total = contributions.Where(c => c.Value > 0f).Sum(c => c.Value);
        if (total <= 0f)
        {
            return;
        }

        foreach (var (model, value) in contributions)
        {
            if (value <= 0f)
            {
                continue;
            }

            var share = value / total;
            var arm = Arm(state, model);
            state.Arms[model] = kind switch
            {
                FeedbackKind.Like => arm with { Alpha = arm.Alpha + share },
                FeedbackKind.Watched => arm with { Alpha = arm.Alpha + (0.5f * share) },
                _ => arm with { Beta = arm.Beta + share },
            };
        }
    }

    /// <summary>Sampled multipliers (2θ) for every model with an arm; null while no feedback moved any arm.</summary>
    public static Dictionary<string, float>? Sample(UserTasteState state, Random random)
    {
        if (state.Arms.Count == 0)
        {
            return null;
        }

        var multipliers = new Dictionary<string, float>(state.Arms.Count, StringComparer.Ordinal);
        foreach (var (model, arm) in state.Arms)
        {
            multipliers[model] = 2f * SampleBeta(random, arm.Alpha, arm.Beta);
        }

        return multipliers;
    }

    /// <summary>Posterior-mean multipliers (2·α/(α+β)): deterministic, for group rankings and export.</summary>
    public static Dictionary<string, float>? Means(UserTasteState state) =>
        state.Arms.Count == 0 ? null : state.Arms.ToDictionary(a => a.Key, a => 2f * a.Value.Alpha / (a.Value.Alpha + a.Value.Beta), StringComparer.Ordinal);

    private static float SampleBeta(Random random, float alpha, float beta)
    {
        var x = SampleGamma(random, alpha);
        var y = SampleGamma(random, beta);
        return (float)(x / (x + y));
    }

    /// <summary>Marsaglia and Tsang (2000); shapes here are always ≥ 1 (the prior is 4).</summary>
    private static double SampleGamma(Random random, double shape)
    {
        var d = shape - (1.0 / 3.0);
        var c = 1.0 / Math.Sqrt(9.0 * d);
        while (true)
        {
            double x, v;
            do
            {
                // Box–Muller standard normal.
                x = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
                v = 1.0 + (c * x);
            }
            while (v <= 0);

            v = v * v * v;
            var u = random.NextDouble();
            if (u < 1.0 - (0.0331 * x * x * x * x) || Math.Log(u) < (0.5 * x * x) + (d * (1.0 - v + Math.Log(v))))
            {
                return d * v;
            }
        }
    }
}
