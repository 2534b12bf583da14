using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class GenreRerankTests
{
    [Fact]
    public void A_title_of_a_genre_the_user_loves_overtakes_a_slightly_better_scored_one_they_dislike()
    {
        var candidates = new[] { (Id: 1, Score: 1.0f, Affinity: -0.8f), (Id: 2, Score: 0.9f, Affinity: 0.8f) };

        var ranked = GenreRerank.Apply(candidates, c => c.Score, c => c.Affinity, count: 2);

        Assert.Equal([2, 1], ranked.Select(r => r.Item.Id));
    }

    [Fact]
    public void A_liked_genre_raises_and_a_disliked_genre_lowers_a_score_even_when_the_ensemble_score_is_negative()
    {
        Assert.True(GenreRerank.Adjust(-2f, 0.5f) > -2f);
        Assert.True(GenreRerank.Adjust(-2f, -0.5f) < -2f);
        Assert.True(GenreRerank.Adjust(2f, 0.5f) > 2f);
        Assert.True(GenreRerank.Adjust(2f, -0.5f) < 2f);
    }

    [Fact]
    public void Without_any_genre_opinion_the_ensemble_order_is_kept_and_the_list_is_cut_to_count()
    {
        var candidates = Enumerable.Range(0, 9).Select(i => (Id: i, Score: 10f - i)).ToArray();

        var ranked = GenreRerank.Apply(candidates, c => c.Score, _ => 0f, count: 3);

        Assert.Equal([0, 1, 2], ranked.Select(r => r.Item.Id));
        Assert.Equal([10f, 9f, 8f], ranked.Select(r => r.Score));
    }

    [Fact]
    public void Affinity_beyond_the_range_is_clamped_so_one_genre_cannot_flip_a_score_past_double()
    {
        Assert.Equal(GenreRerank.Adjust(1f, 1f), GenreRerank.Adjust(1f, 7f));
        Assert.Equal(1.5f, GenreRerank.Adjust(1f, 1f));
    }
}
