using CineSync.Recommender.Engine;
using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class ExplanationTextTests
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [1] = "Se7en (1995)",
        [2] = "Zodiac (2007)",
        [3] = "Notting Hill (1999)",
        [4] = "Love Actually (2003)",
    };

    private static readonly ItemExplanation Romance = new(
        ItemId: 9,
        Verdict: FitVerdict.Unsuited,
        Score: -1.2f,
        Percentile: 0.2f,
        ModelShares: new Dictionary<string, float> { ["knn"] = 0.7f, ["content"] = 0.3f },
        ModelsAboveAverage: 0,
        ModelsUsed: 4,
        Supporting: [],
        Opposing: [new Because(3, 1f, 0.6f), new Because(4, 2f, 0.4f)],
        LikedGenres: [],
        DislikedGenres: ["Romance"]);

    private static readonly ItemExplanation Thriller = new(
        ItemId: 8,
        Verdict: FitVerdict.Suits,
        Score: 2.4f,
        Percentile: 0.985f,
        ModelShares: new Dictionary<string, float> { ["als"] = 0.62f, ["knn"] = 0.38f },
        ModelsAboveAverage: 4,
        ModelsUsed: 4,
        Supporting: [new Because(1, 5f, 0.7f), new Because(2, 4.5f, 0.3f)],
        Opposing: [],
        LikedGenres: ["Thriller"],
        DislikedGenres: []);

    [Fact]
    public void An_unsuited_title_is_called_unsuited_with_the_disliked_films_and_genres_it_resembles()
    {
        var text = ExplanationText.Verdict("The Notebook (2004)", Romance, null, Titles.GetValueOrDefault);

        Assert.StartsWith("The Notebook (2004) probably won't suit you", text);
        Assert.Contains("every model scores it below your average", text);
        Assert.Contains("Notting Hill (1999) 1★", text);
        Assert.Contains("Love Actually (2003) 2★", text);
        Assert.Contains("you rate Romance below your average", text);
        Assert.DoesNotContain("fits your taste", text);
        Assert.DoesNotContain("should suit", text);
    }

    [Fact]
    public void A_title_the_user_rated_1_star_is_said_not_to_suit_them()
    {
        var text = ExplanationText.Verdict("The Notebook (2004)", Romance with { Verdict = FitVerdict.RatedLow }, 1f, Titles.GetValueOrDefault);

        Assert.StartsWith("You rated The Notebook (2004) 1★, so it doesn't suit you", text);
        Assert.DoesNotContain("suits you", text);
        Assert.DoesNotContain("fits your taste", text);
    }

    [Fact]
    public void A_suitable_title_says_so_with_the_liked_films_behind_it_and_where_the_signal_comes_from()
    {
        var text = ExplanationText.Verdict("Prisoners (2013)", Thriller, null, Titles.GetValueOrDefault);

        Assert.StartsWith("Prisoners (2013) should suit you: it is in your top 2%", text);
        Assert.Contains("Se7en (1995) 5★, Zodiac (2007) 4.5★", text);
        Assert.Contains("You rate Thriller above your average", text);
        Assert.EndsWith("Mostly from people with tastes like yours.", text);
    }

    [Fact]
    public void A_maybe_names_both_sides()
    {
        var mixed = Thriller with { Verdict = FitVerdict.Mixed, Percentile = 0.7f, Opposing = [new Because(3, 1f, 1f)] };

        var text = ExplanationText.Verdict("Gone Girl (2014)", mixed, null, Titles.GetValueOrDefault);

        Assert.StartsWith("Gone Girl (2014) is a maybe for you: it ranks in your top 30%", text);
        Assert.Contains("Se7en (1995) 5★", text);
        Assert.Contains("but it also resembles Notting Hill (1999) 1★ that you rated low", text);
    }

    [Fact]
    public void Without_a_verdict_there_is_no_verdict_sentence() =>
        Assert.Equal(string.Empty, ExplanationText.Verdict("X", Thriller with { Verdict = FitVerdict.Unknown }, null, Titles.GetValueOrDefault));
}
