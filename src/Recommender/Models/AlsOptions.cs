namespace CineSync.Recommender.Models;

/// <summary>Hyperparameters of implicit ALS (Hu, Koren &amp; Volinsky 2008) trained with conjugate gradient (Takács et al. 2011).</summary>
/// <param name="Factors">Latent dimensions (default 64).</param>
/// <param name="Iterations">Alternating sweeps (default 15).</param>
/// <param name="Regularization">L2 penalty λ on both factor matrices (default 50, tuned on MovieLens).</param>
/// <param name="Alpha">Confidence slope: c = 1 + α·rating/maxRating (default 10).</param>
/// <param name="CgSteps">Conjugate-gradient steps per row per sweep (default 3).</param>
/// <param name="Seed">Seed of the initial factors.</param>
/// <param name="FrequencyExponent">
/// ν of Rendle et al. 2022: each row's penalty is λ·(m/m̄)^ν, m its total weight (unobserved 1 each plus the observed
/// confidence above 1) and m̄ the mean over its side, so heavy users and popular items are regularised more (0 = plain λ).
/// </param>
internal sealed record AlsOptions(int Factors = 64, int Iterations = 15, float Regularization = 50f, float Alpha = 10f, int CgSteps = 3, int Seed = 42, float FrequencyExponent = 0f);
