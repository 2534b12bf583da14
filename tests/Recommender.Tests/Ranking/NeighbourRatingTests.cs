using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class NeighbourRatingTests
{
    // A member who loves thrillers (5★) and rated every comedy 1★; mean 3.
    private static readonly float[] Ratings = [5f, 5f, 5f, 1f, 1f, 1f];

    [Fact]
    public void A_title_like_the_comedies_they_rated_1_star_is_predicted_low_and_counts_as_a_dislike()
    {
        float[] likeComedies = [0f, 0f, 0.1f, 0.9f, 0.8f, 0.9f];

        var predicted = NeighbourRating.Predict(Ratings, likeComedies);

        Assert.InRange(predicted, 0.5f, 2f);
        Assert.True(NeighbourRating.IsDislike(predicted, 3f));
    }

    [Fact]
    public void A_title_like_their_favourites_is_predicted_high_but_not_a_flat_5_stars()
    {
        float[] likeThrillers = [0.9f, 0.8f, 0.7f, 0f, 0.1f, 0f];

        var predicted = NeighbourRating.Predict(Ratings, likeThrillers);

        Assert.InRange(predicted, 4f, 4.9f);
        Assert.False(NeighbourRating.IsDislike(predicted, 3f));
    }

    [Fact]
    public void A_title_like_nothing_they_rated_is_predicted_at_their_own_mean()
    {
        Assert.Equal(3f, NeighbourRating.Predict(Ratings, new float[Ratings.Length]), 4);
        Assert.Equal(NeighbourRating.NoRatings, NeighbourRating.Predict([], []));
    }

    [Fact]
    public void A_generous_members_3_stars_is_their_dislike()
    {
        Assert.True(NeighbourRating.IsDislike(3f, 4.6f));
        Assert.False(NeighbourRating.IsDislike(3f, 3.2f));
    }

    [Fact]
    public void Predictions_stay_between_the_members_lowest_and_highest_rating_whatever_the_similarities()
    {
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var similarities = Enumerable.Range(0, Ratings.Length).Select(_ => (float)((random.NextDouble() * 40) - 10)).ToArray();

            Assert.InRange(NeighbourRating.Predict(Ratings, similarities), 1f, 5f);
        }
    }
}
