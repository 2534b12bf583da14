using CineSync.Recommender.Models;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Engine;

/// <content>
/// "Explain this one title": where it falls in the user's ranking, which models push it up or down, which liked titles
/// lead to it and which disliked titles it resembles, judged by <see cref="FitJudge"/>.
/// </content>
public sealed partial class RecommenderEngine
{
    /// <summary>Pseudo-ratings at the user's mean added to a genre's average, so one 1★ comedy does not condemn comedy.</summary>
    private const float GenreShrinkage = 2f;

    /// <summary>A genre is liked or disliked when its shrunk average is this far (in stars) from the user's mean.</summary>
    private const float GenreLean = 0.5f;

    /// <summary>Below this similarity a disliked title is not cited as one the title resembles.</summary>
    private const float MinResemblance = 0.1f;

    /// <summary>Explains one title for one user.</summary>
    public ItemExplanation ExplainItem(ItemExplanationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var yours = request.Ratings.LastOrDefault(r => r.ItemId == request.ItemId);
        var rated = request.Ratings.Any(r => r.ItemId == request.ItemId);
        var others = rated ? request.Ratings.Where(r => r.ItemId != request.ItemId).ToArray() : request.Ratings;
        var item = Bundle.Items.IndexOf(request.ItemId);
        var empty = new Dictionary<string, float>();
        if (item < 0)
        {
            var verdict = FitJudge.Judge(new FitEvidence(rated ? yours.Value : null, false, 0f, 0, 0, 0f, 0f));
            return new ItemExplanation(request.ItemId, verdict, 0f, 0f, empty, 0, 0, [], [], [], []);
        }

        var scratch = Rent();
        try
        {
            var profile = Profile(others, rated ? null : request.Taste);
            var personalised = profile.Count > 0;
            Span<float> weights = stackalloc float[_ensemble.Models.Count];
            ResolveWeights(request.ModelWeights, personalised, weights);
            _ensemble.Score(profile, weights, scratch);

            var contributions = new Dictionary<string, float>(_ensemble.Models.Count, StringComparer.Ordinal);
            int used = 0, above = 0;
            for (var m = 0; m < _ensemble.Models.Count; m++)
            {
                if (!scratch.Used[m]) { continue; }
                var z = scratch.ModelScores[m][item];
                contributions[_ensemble.Models[m].Name] = weights[m] * z;
                used++;
                if (z > 0f) { above++; }
            }

            var score = scratch.Combined[item];
            var percentile = Percentile(scratch.Combined.AsSpan(0, Bundle.ItemCount), profile.Items, item);
            var supporting = personalised ? Supporting(item, profile, scratch, request.Reasons) : [];
            var (opposing, dislikedResemblance) = Opposing(item, profile, request.Reasons);
            var likedResemblance = MaxResemblance(item, profile, FitJudge.IsHigh);
            var (liked, disliked) = GenreLeans(item, profile);
            var verdict = FitJudge.Judge(new FitEvidence(
                rated ? yours.Value : null, personalised, percentile, above, used, likedResemblance, dislikedResemblance, liked.Length, disliked.Length));
            var upward = verdict is not (FitVerdict.Unsuited or FitVerdict.RatedLow);
            return new ItemExplanation(
                request.ItemId, verdict, score, percentile, ModelShares.Normalise(contributions, upward), above, used, supporting, opposing, liked, disliked);
        }
        finally
        {
            _scratch.Add(scratch);
        }
    }

    /// <summary>The share of unrated items scoring below <paramref name="item"/> (ties count half).</summary>
    private static float Percentile(ReadOnlySpan<float> scores, ReadOnlySpan<int> rated, int item)
    {
        var isRated = new HashSet<int>(rated.Length);
        foreach (var r in rated) { isRated.Add(r); }
        var target = scores[item];
        double below = 0;
        var others = 0;
        for (var j = 0; j < scores.Length; j++)
        {
            if (j == item || isRated.Contains(j)) { continue; }
            others++;
            if (scores[j] < target) { below++; }
            else if (scores[j] == target) { below += 0.5; }
        }

        return others == 0 ? 1f : (float)(below / others);
    }

    /// <summary>Liked rated titles with a positive contribution to the title's score, shares of those contributions.</summary>
    private Because[] Supporting(int item, UserProfile profile, EnsembleScratch scratch, int count)
    {
        var sum = new float[profile.Count];
        RatedContributions(item, profile, scratch, sum, new float[profile.Count]);
        var liked = Enumerable.Range(0, profile.Count)
            .Where(r => FitJudge.IsHigh(profile.Ratings[r]) && sum[r] > 0f)
            .OrderByDescending(r => sum[r])
            .ToArray();
        var total = liked.Sum(r => sum[r]);
        return [.. liked.Take(count).Select(r => new Because(Bundle.Items[profile.Items[r]], profile.Ratings[r], sum[r] / total))];
    }

    /// <summary>
    /// Disliked rated titles the title resembles (item similarity, not score contributions: a 1★ film co-rated with this
    /// one adds to its score in the collaborative models, yet is exactly the resemblance the user should hear about).
    /// </summary>
    private (Because[] Opposing, float Closest) Opposing(int item, UserProfile profile, int count)
    {
        var alike = Enumerable.Range(0, profile.Count)
            .Where(r => FitJudge.IsLow(profile.Ratings[r]))
            .Select(r => (Rated: r, Similarity: ItemSimilarity(item, profile.Items[r])))
            .Where(a => a.Similarity >= MinResemblance)
            .OrderByDescending(a => a.Similarity)
            .ToArray();
        if (alike.Length == 0)
        {
            return ([], 0f);
        }

        var cited = alike.Take(count).ToArray();
        var total = cited.Sum(a => a.Similarity);
        return ([.. cited.Select(a => new Because(Bundle.Items[profile.Items[a.Rated]], profile.Ratings[a.Rated], a.Similarity / total))], alike[0].Similarity);
    }

    private float MaxResemblance(int item, UserProfile profile, Func<float, bool> which)
    {
        var best = 0f;
        for (var r = 0; r < profile.Count; r++)
        {
            if (which(profile.Ratings[r]))
            {
                best = Math.Max(best, ItemSimilarity(item, profile.Items[r]));
            }
        }

        return best;
    }

    /// <summary>The title's genres the user rates clearly above or below their own mean (shrunk averages).</summary>
    private (string[] Liked, string[] Disliked) GenreLeans(int item, UserProfile profile)
    {
        var facts = Bundle.Facts;
        if (profile.Count == 0 || facts.Genres.Length == 0)
        {
            return ([], []);
        }

        var mean = profile.Ratings.Average();
        var liked = new List<string>();
        var disliked = new List<string>();
        for (var g = 0; g < facts.Genres.Length && g < 64; g++)
        {
            var bit = 1UL << g;
            if ((facts.GenreMasks[item] & bit) == 0) { continue; }
            double sum = 0;
            var n = 0;
            for (var r = 0; r < profile.Count; r++)
            {
                if ((facts.GenreMasks[profile.Items[r]] & bit) != 0) { sum += profile.Ratings[r]; n++; }
            }

            if (n < 2) { continue; }
            var lean = ((sum + (GenreShrinkage * mean)) / (n + GenreShrinkage)) - mean;
            if (lean >= GenreLean) { liked.Add(facts.Genres[g]); }
            else if (lean <= -GenreLean) { disliked.Add(facts.Genres[g]); }
        }

        return ([.. liked], [.. disliked]);
    }
}
