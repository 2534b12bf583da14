using CineSync.Grains.Interfaces;
using CineSync.Recommender.Ranking;

namespace CineSync.Grains.Taste;

/// <summary>
/// The user's per-model beliefs as the grain stores them, handed to the recommender's Thompson sampling
/// (<see cref="EnsembleExploration"/>), which owns the policy.
/// </summary>
internal static class EnsembleBandit
{
    /// <summary>Credits the models behind a title with the user's feedback.</summary>
    public static void Credit(UserTasteState state, IReadOnlyCollection<KeyValuePair<string, float>> contributions, FeedbackKind kind)
    {
        var beliefs = Beliefs(state);
        EnsembleExploration.Credit(beliefs, contributions, kind switch
        {
            FeedbackKind.Like => ExplorationFeedback.Liked,
            FeedbackKind.Watched => ExplorationFeedback.Watched,
            _ => ExplorationFeedback.Rejected,
        });
        foreach (var (model, belief) in beliefs)
        {
            state.Arms[model] = new BetaArm(belief.Alpha, belief.Beta);
        }
    }

    /// <summary>One Thompson draw of weight multipliers; null while no feedback moved any belief.</summary>
    public static Dictionary<string, float>? Sample(UserTasteState state, Random random) => EnsembleExploration.Sample(Beliefs(state), random);

    /// <summary>Posterior-mean multipliers: deterministic, for explanations, group rankings and export.</summary>
    public static Dictionary<string, float>? Means(UserTasteState state) => EnsembleExploration.Means(Beliefs(state));

    private static Dictionary<string, BetaBelief> Beliefs(UserTasteState state) =>
        state.Arms.ToDictionary(a => a.Key, a => new BetaBelief(a.Value.Alpha, a.Value.Beta), StringComparer.Ordinal);
}
