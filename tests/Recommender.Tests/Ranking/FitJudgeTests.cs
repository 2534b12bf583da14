using CineSync.Recommender.Ranking;

namespace CineSync.Recommender.Tests.Ranking;

public sealed class FitJudgeTests
{
    private static readonly FitEvidence TopPickLikeYourFavourites = new(null, true, 0.97f, 4, 5, LikedResemblance: 0.8f, DislikedResemblance: 0.1f);

    [Fact]
    public void A_title_high_in_the_ranking_and_like_the_users_favourites_suits_them() =>
        Assert.Equal(FitVerdict.Suits, FitJudge.Judge(TopPickLikeYourFavourites));

    [Theory]
    [InlineData(1f)]
    [InlineData(2f)]
    [InlineData(2.5f)]
    public void A_title_the_user_rated_low_never_suits_them_whatever_the_models_say(float stars) =>
        Assert.Equal(FitVerdict.RatedLow, FitJudge.Judge(TopPickLikeYourFavourites with { YourRating = stars }));

    [Fact]
    public void A_title_the_user_rated_highly_suits_them_even_when_the_models_disagree() =>
        Assert.Equal(FitVerdict.RatedHighly, FitJudge.Judge(new FitEvidence(4.5f, true, 0.1f, 0, 5, 0f, 0.9f)));

    [Fact]
    public void A_title_every_model_scores_below_the_users_average_is_unsuited() =>
        Assert.Equal(FitVerdict.Unsuited, FitJudge.Judge(TopPickLikeYourFavourites with { ModelsAboveAverage = 0 }));

    [Fact]
    public void A_title_below_the_users_median_is_unsuited() =>
        Assert.Equal(FitVerdict.Unsuited, FitJudge.Judge(TopPickLikeYourFavourites with { Percentile = 0.3f }));

    [Fact]
    public void A_title_closer_to_the_users_dislikes_than_to_their_likes_is_unsuited_unless_it_is_in_their_top_tenth()
    {
        var likeADislike = TopPickLikeYourFavourites with { LikedResemblance = 0.2f, DislikedResemblance = 0.7f };

        Assert.Equal(FitVerdict.Unsuited, FitJudge.Judge(likeADislike with { Percentile = 0.85f }));
        Assert.Equal(FitVerdict.Mixed, FitJudge.Judge(likeADislike with { Percentile = 0.95f }));
    }

    [Fact]
    public void A_top_ranked_title_of_genres_the_user_rates_low_and_closer_to_their_dislikes_is_unsuited()
    {
        var romComForAThrillerFan = TopPickLikeYourFavourites with { Percentile = 0.97f, LikedResemblance = 0.1f, DislikedResemblance = 0.6f, DislikedGenres = 2 };

        Assert.Equal(FitVerdict.Unsuited, FitJudge.Judge(romComForAThrillerFan));
        Assert.Equal(FitVerdict.Mixed, FitJudge.Judge(romComForAThrillerFan with { LikedGenres = 2 }));
    }

    [Fact]
    public void A_title_above_the_median_but_outside_the_top_fifth_is_a_maybe() =>
        Assert.Equal(FitVerdict.Mixed, FitJudge.Judge(TopPickLikeYourFavourites with { Percentile = 0.65f }));

    [Fact]
    public void Without_ratings_there_is_no_verdict_except_the_users_own_rating()
    {
        Assert.Equal(FitVerdict.Unknown, FitJudge.Judge(new FitEvidence(null, false, 0.99f, 1, 1, 0f, 0f)));
        Assert.Equal(FitVerdict.RatedLow, FitJudge.Judge(new FitEvidence(1f, false, 0.99f, 1, 1, 0f, 0f)));
    }
}
