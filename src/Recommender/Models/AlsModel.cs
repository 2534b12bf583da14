using System.Buffers;
using System.Numerics.Tensors;
using CineSync.Recommender.Numerics;

namespace CineSync.Recommender.Models;

/// <summary>
/// Implicit ALS item factors with exact fold-in: a user's taste vector is the exact solution of their regularised
/// weighted least squares against the fixed item factors, (YᵀY + λI + Σᵢ (cᵢ−1)·yᵢyᵢᵀ)·x = Σᵢ cᵢpᵢ·yᵢ,
/// solved by Cholesky with YᵀY + λI precomputed. A disliked rating has preference 0 (observed, not wanted).
/// </summary>
internal sealed partial class AlsModel : IScoringModel
{
    public AlsModel(int factors, float[] itemFactors, float regularization, float alpha, RatingPolicy policy, float frequencyExponent = 0f, float meanMass = 1f)
    {
        FrequencyExponent = frequencyExponent;
        MeanMass = meanMass;
        Factors = factors;
        ItemFactors = itemFactors;
        Regularization = regularization;
        Alpha = alpha;
        Policy = policy;
        Gram = ComputeGram(itemFactors, factors, regularization);
    }

    public string Name => "als";

    public int Factors { get; }

    /// <summary>Items × factors, row-major.</summary>
    public float[] ItemFactors { get; }

    public float Regularization { get; }

    public float Alpha { get; }

    public RatingPolicy Policy { get; }

    /// <summary>ν: a user's penalty is λ·(m/m̄)^ν with m = items + Σ(c − 1) (0 = plain λ).</summary>
    public float FrequencyExponent { get; }

    /// <summary>m̄, the mean weight mass of the training users.</summary>
    public float MeanMass { get; }

    /// <summary>YᵀY + λI (factors × factors).</summary>
    public float[] Gram { get; }

    public int ItemCount => ItemFactors.Length / Factors;

    public ReadOnlySpan<float> Item(int item) => ItemFactors.AsSpan(item * Factors, Factors);

    public float Confidence(float rating) => 1f + (Alpha * Math.Clamp(rating / Policy.MaxRating, 0.1f, 1f));

    /// <summary>Confidence of a rating whose weight is scaled by recency: c = 1 + (c₀ − 1)·recency.</summary>
    public float Confidence(float rating, float recency) => 1f + ((Confidence(rating) - 1f) * recency);

    public void Score(UserProfile user, Span<float> scores)
    {
        var taste = user.Taste ??= FoldIn(user);
        var k = Factors;
        var y = ItemFactors.AsSpan();
        for (var j = 0; j < scores.Length; j++)
        {
            scores[j] = TensorPrimitives.Dot(y.Slice(j * k, k), taste);
        }
    }

    /// <summary>Exact taste vector of a user from their ratings.</summary>
    public float[] FoldIn(UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var x = new float[Factors];
        user.AlsFactor = Factorise(user, x);
        DenseCholesky.Solve(user.AlsFactor, Factors, x);
        return x;
    }

    /// <summary>
    /// score(j) = yⱼᵀA⁻¹b = Σᵣ cᵣpᵣ·(yᵣ·z) with z = A⁻¹yⱼ: each rated item's share of the predicted score.
    /// </summary>
    public void Explain(UserProfile user, int item, Span<float> contributions)
    {
        ArgumentNullException.ThrowIfNull(user);
        var factor = user.AlsFactor ??= Factorise(user, stackalloc float[Factors]);
        Span<float> z = stackalloc float[Factors];
        Item(item).CopyTo(z);
        DenseCholesky.Solve(factor, Factors, z);
        for (var r = 0; r < user.Count; r++)
        {
            var rating = user.Ratings[r];
            contributions[r] = Policy.IsDislike(rating) ? 0f : Confidence(rating, user.Recency[r]) * TensorPrimitives.Dot(Item(user.Items[r]), z);
        }
    }

    /// <summary>Builds the user's system, returns its Cholesky factor and leaves the right-hand side in <paramref name="b"/>.</summary>
    private float[] Factorise(UserProfile user, Span<float> b)
    {
        var factor = new float[Factors * Factors];
        BuildSystem(user, factor, b);
        DenseCholesky.Factor(factor, Factors);
        return factor;
    }

    /// <summary>Writes A (lower triangle, k×k) into <paramref name="a"/> and b into <paramref name="b"/>.</summary>
    private void BuildSystem(UserProfile user, float[] a, Span<float> b)
    {
        var k = Factors;
        var n = user.Count;
        Gram.AsSpan().CopyTo(a);
        b.Clear();

        // Σ (c−1)·yyᵀ = ZᵀZ with rows zᵣ = √(cᵣ−1)·yᵣ; kept transposed (rows padded to whole vectors) so that
        // each entry is a contiguous dot product.
        var stride = (n + 7) & ~7;
        var zt = ArrayPool<float>.Shared.Rent(k * stride);
        var extra = 0f;
        try
        {
            zt.AsSpan(0, k * stride).Clear();
            Span<float> scale = n <= 1024 ? stackalloc float[n] : new float[n];
            for (var r = 0; r < n; r++)
            {
                var rating = user.Ratings[r];
                var c = Confidence(rating, user.Recency[r]);
                if (!Policy.IsDislike(rating))
                {
                    TensorPrimitives.MultiplyAdd(Item(user.Items[r]), c, b, b);
                }

                scale[r] = MathF.Sqrt(c - 1f);
                extra += c - 1f;
            }

            if (FrequencyExponent != 0f)
            {
                var penalty = Regularization * MathF.Pow((ItemCount + extra) / MeanMass, FrequencyExponent);
                for (var f = 0; f < k; f++)
                {
                    a[(f * k) + f] += penalty - Regularization;
                }
            }

            // Gather factor by factor so the writes are contiguous (reads stay within the user's few item rows).
            for (var f = 0; f < k; f++)
            {
                var row = zt.AsSpan(f * stride, n);
                for (var r = 0; r < row.Length; r++)
                {
                    row[r] = scale[r] * ItemFactors[(user.Items[r] * k) + f];
                }
            }

            GramKernel.AddLowerGram(zt.AsSpan(0, k * stride), k, stride, a);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(zt);
        }
    }

    /// <summary>FᵀF + λI for a rows×k factor matrix F, computed deterministically (fixed summation order).</summary>
    internal static float[] ComputeGram(float[] factors, int k, float regularization)
    {
        var rows = factors.Length / k;
        var transposed = new float[factors.Length];
        for (var i = 0; i < rows; i++)
        {
            for (var f = 0; f < k; f++)
            {
                transposed[(f * rows) + i] = factors[(i * k) + f];
            }
        }

        var gram = new float[k * k];
        Parallel.For(0, k, f =>
        {
            var rowF = transposed.AsSpan(f * rows, rows);
            for (var g = 0; g <= f; g++)
            {
                var v = TensorPrimitives.Dot(rowF, transposed.AsSpan(g * rows, rows));
                gram[(f * k) + g] = v;
                gram[(g * k) + f] = v;
            }
        });

        for (var f = 0; f < k; f++)
        {
            gram[(f * k) + f] += regularization;
        }

        return gram;
    }
}
