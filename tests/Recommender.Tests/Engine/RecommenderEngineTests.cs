using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;

namespace CineSync.Recommender.Tests.Engine;

public sealed class RecommenderEngineTests
{
    private static readonly RecommenderEngine Engine = new(SyntheticWorld.Bundle);

    private static readonly UserRating[] LovesThrillersHatesRomance =
    [
        new(100, 5f), new(101, 5f), new(102, 5f), new(103, 5f), new(104, 5f),
        new(200, 1f), new(201, 1f), new(202, 1f), new(203, 1f), new(204, 1f),
    ];

    [Fact]
    public void Five_thrillers_loved_and_five_romances_hated_give_thriller_recommendations()
    {
        var result = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance) { Count = 10 });

        Assert.True(result.Personalised);
        Assert.Equal(10, result.Items.Count);
        Assert.DoesNotContain(result.Items, r => SyntheticWorld.Romances.Contains(r.ItemId));
        Assert.True(result.Items.Count(r => SyntheticWorld.Thrillers.Contains(r.ItemId)) >= 7);
    }

    [Fact]
    public void Rated_and_excluded_titles_are_never_recommended()
    {
        var result = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance) { Count = 40, Exclude = [105, 106] });

        var ids = result.Items.Select(r => r.ItemId).ToHashSet();
        Assert.DoesNotContain(105, ids);
        Assert.DoesNotContain(106, ids);
        Assert.All(LovesThrillersHatesRomance, r => Assert.DoesNotContain(r.ItemId, ids));
        Assert.Equal(50 - 10 - 2, ids.Count); // every remaining title, in a catalogue of 50
    }

    [Fact]
    public void Genre_year_and_popularity_filters_restrict_the_results()
    {
        var genre = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance) { Filter = new RecommendationFilter(Genres: ["romance"]) });
        Assert.NotEmpty(genre.Items);
        Assert.All(genre.Items, r => Assert.Contains(r.ItemId, SyntheticWorld.Romances));

        var nineties = Engine.Recommend(new RecommendationRequest([]) { Count = 40, Filter = RecommendationFilter.Decade(1990) with { YearTo = 1994 } });
        Assert.NotEmpty(nineties.Items);
        Assert.All(nineties.Items, r => Assert.InRange(r.ItemId % 10, 0, 4));
        Assert.All(nineties.Items, r => Assert.Contains(r.ItemId, SyntheticWorld.Thrillers));

        var popular = Engine.Recommend(new RecommendationRequest([]) { Count = 40, Filter = new RecommendationFilter(MinRatings: 30) });
        Assert.NotEmpty(popular.Items);
        Assert.True(popular.Items.Count < 40);
    }

    [Fact]
    public void Explanations_cite_the_users_loved_thrillers_not_the_hated_romances()
    {
        var result = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance) { Count = 5, ExplanationsPerItem = 3 });

        Assert.All(result.Items, r =>
        {
            Assert.NotEmpty(r.Because);
            Assert.All(r.Because, b => Assert.InRange(b.ItemId, 100, 104));
            Assert.InRange(r.Because.Sum(b => b.Share), 0f, 1.0001f);
        });
    }

    [Fact]
    public void Model_contributions_add_up_to_the_score_and_per_user_weights_change_them()
    {
        var global = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance));
        Assert.All(global.Items, r => Assert.Equal(r.Score, r.ModelContributions.Values.Sum(), 3));

        var knnOnly = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance)
        {
            ModelWeights = new Dictionary<string, float> { ["pop"] = 0, ["knn"] = 1, ["als"] = 0, ["ease"] = 0, ["content"] = 0, ["edlae"] = 0, ["rp3b"] = 0 },
        });
        Assert.All(knnOnly.Items, r => Assert.Equal(["knn"], r.ModelContributions.Where(c => c.Value != 0).Select(c => c.Key)));
    }

    [Fact]
    public void A_user_without_ratings_gets_popular_titles_marked_as_not_personal()
    {
        var result = Engine.Recommend(new RecommendationRequest([]) { Count = 3 });

        Assert.False(result.Personalised);
        Assert.Equal(3, result.Items.Count);
        Assert.All(result.Items, r => Assert.Empty(r.Because));
    }

    [Fact]
    public void Diversity_re_ranking_mixes_genres_that_plain_ranking_does_not()
    {
        UserRating[] mostlyThrillers = [new(100, 5f), new(101, 5f), new(102, 5f), new(103, 5f), new(200, 4f)];

        var plain = Engine.Recommend(new RecommendationRequest(mostlyThrillers) { Count = 6 });
        var diverse = Engine.Recommend(new RecommendationRequest(mostlyThrillers) { Count = 6, Diversity = 0.7f });

        static int Others(RecommendationResult r) => r.Items.Count(i => !SyntheticWorld.Thrillers.Contains(i.ItemId));
        Assert.True(Others(diverse) > Others(plain), $"diverse {Others(diverse)} vs plain {Others(plain)}");
    }

    [Fact]
    public void Fold_in_taste_passed_back_gives_the_same_recommendations()
    {
        var taste = Engine.FoldIn(LovesThrillersHatesRomance);

        var withTaste = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance) { Taste = taste });
        var without = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance));

        Assert.Equal(SyntheticWorld.Bundle.TasteDimensions, taste.Length);
        Assert.Equal(without.Items.Select(i => i.ItemId), withTaste.Items.Select(i => i.ItemId));
    }

    [Fact]
    public void Similar_titles_to_a_thriller_are_thrillers()
    {
        var similar = Engine.Similar(110, 5);

        Assert.Equal(5, similar.Count);
        Assert.DoesNotContain(similar, s => s.ItemId == 110);
        Assert.All(similar, s => Assert.Contains(s.ItemId, SyntheticWorld.Thrillers));
    }

    [Fact]
    public void Recommendations_are_deterministic()
    {
        var a = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance) { Count = 15, Diversity = 0.3f });
        var b = Engine.Recommend(new RecommendationRequest(LovesThrillersHatesRomance) { Count = 15, Diversity = 0.3f });

        Assert.Equal(a.Items.Select(i => (i.ItemId, i.Score)), b.Items.Select(i => (i.ItemId, i.Score)));
    }
}
