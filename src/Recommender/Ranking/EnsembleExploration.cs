namespace CineSync.Recommender.Ranking;

/// <summary>Beta(α, β) belief that a model's picks please one user.</summary>
/// <param name="Alpha">Pseudo-count of pleasing picks.</param>
/// <param name="Beta">Pseudo-count of rejected picks.</param>
public readonly record struct BetaBelief(float Alpha, float Beta)
{
    /// <summary>The posterior mean α/(α+β).</summary>
    public float Mean => Alpha / (Alpha + Beta);
}

/// <summary>What the user did with a title a model contributed to.</summary>
public enum ExplorationFeedback
{
    /// <summary>👍: the pick pleased.</summary>
    Liked,

    /// <summary>Already watched: the model found something relevant, half a success.</summary>
    Watched,

    /// <summary>👎 or "not interested".</summary>
    Rejected,
}

/// <summary>
/// Per-user ensemble weights by Thompson sampling. Each model has a Beta(α, β) belief; feedback on a title credits each
/// model by its share of that title's score. Every request samples θ per model and multiplies the model's global weight
/// by 2θ, so an untouched prior (mean ½) keeps the global weights on average while exploring.
/// </summary>
public static class EnsembleExploration
{
    /// <summary>Prior pseudo-counts: weights move after a handful of feedback, not the first click.</summary>
    public const float Prior = 4f;

    /// <summary>The untouched belief.</summary>
    public static BetaBelief Untouched => new(Prior, Prior);

    /// <summary>Credits the models behind a title, positive contributions normalised to shares; others are not touched.</summary>
    public static void Credit(IDictionary<string, BetaBelief> arms, IEnumerable<KeyValuePair<string, float>> contributions, ExplorationFeedback feedback)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(contributions);
        var positive = contributions.Where(c => c.Value > 0f).ToArray();
        var total = positive.Sum(c => c.Value);
        if (!(total > 0f))
        {
            return;
        }

        foreach (var (model, value) in positive)
        {
            var share = value / total;
            var arm = arms.TryGetValue(model, out var known) ? known : Untouched;
            arms[model] = feedback switch
            {
                ExplorationFeedback.Liked => arm with { Alpha = arm.Alpha + share },
                ExplorationFeedback.Watched => arm with { Alpha = arm.Alpha + (0.5f * share) },
                _ => arm with { Beta = arm.Beta + share },
            };
        }
    }

    /// <summary>Sampled weight multipliers (2θ) per model with a belief; null while there is none.</summary>
    /// <param name="arms">The user's beliefs.</param>
    /// <param name="random">The source of the draw: seeded by the caller, so a draw is reproducible.</param>
    public static Dictionary<string, float>? Sample(IReadOnlyDictionary<string, BetaBelief> arms, Random random)
    {
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(random);
        if (arms.Count == 0)
        {
            return null;
        }

        // Ordinal order, so the same seed gives the same multipliers however the dictionary was filled.
        var multipliers = new Dictionary<string, float>(arms.Count, StringComparer.Ordinal);
        foreach (var (model, arm) in arms.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            multipliers[model] = 2f * SampleBeta(random, arm.Alpha, arm.Beta);
        }

        return multipliers;
    }

    /// <summary>Posterior-mean multipliers (2·α/(α+β)): deterministic, for explanations, group rankings and export.</summary>
    public static Dictionary<string, float>? Means(IReadOnlyDictionary<string, BetaBelief> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        return arms.Count == 0 ? null : arms.ToDictionary(a => a.Key, a => 2f * a.Value.Mean, StringComparer.Ordinal);
    }

    private static float SampleBeta(Random random, float alpha, float beta)
    {
        var x = SampleGamma(random, alpha);
        var y = SampleGamma(random, beta);
        return (float)(x / (x + y));
    }

    /// <summary>Marsaglia and Tsang (2000), valid for shape ≥ 1 (the prior is 4 and counts only grow).</summary>
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
