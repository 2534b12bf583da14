using CineSync.Database.Import;
using CineSync.Grains.Catalogue;
using CineSync.Grains.Interfaces;
using CineSync.Testing;
using Xunit.Abstractions;

namespace CineSync.Grains.Tests;

[Collection(GrainsCollection.Name)]
public sealed class TitleResolutionTests(GrainsFixture fixture, ITestOutputHelper output)
{
    private ICatalogueGrain Catalogue => fixture.Silo.Client.GetGrain<ICatalogueGrain>(0);

    [Theory]
    [InlineData("The Shining", "The Shining (1980)")]
    [InlineData("Halloween", "Halloween (1978)")]
    [InlineData("The Ring", "The Ring (2002)")]
    [InlineData("Psycho", "Psycho (1960)")]
    [InlineData("The Omen", "The Omen (1976)")]
    [InlineData("Titanic", "Titanic (1997)")]
    [InlineData("Dumb & Dumber", "Dumb & Dumber (Dumb and Dumber) (1994)")]
    [InlineData("Dumb and Dumber", "Dumb & Dumber (Dumb and Dumber) (1994)")]
    [InlineData("Shining, The (1980)", "The Shining (1980)")]
    public async Task A_title_several_films_share_resolves_to_the_most_rated_and_offers_the_others(string typed, string expected)
    {
        var resolution = await Catalogue.ResolveWithAlternativesAsync(typed);

        Assert.Equal(expected, resolution.Title.Display);
        if (resolution.Kind == TitleMatchKind.MostLikely)
        {
            Assert.NotEmpty(resolution.Alternatives);
            Assert.All(resolution.Alternatives, a => Assert.True(a.RatingCount <= resolution.Title.RatingCount || a.Title != resolution.Title.Title));
        }
    }

    [Theory]
    [InlineData("Saw (2004)", 2004)]
    [InlineData("Saw (2003)", 2003)]
    [InlineData("saw 2003", 2003)]
    [InlineData("The Shining (1997)", 1997)]
    [InlineData("Psycho 1998", 1998)]
    public async Task A_year_in_the_text_decides_between_namesakes(string typed, int year)
    {
        var resolution = await Catalogue.ResolveWithAlternativesAsync(typed);

        Assert.Equal(year, resolution.Title.Year);
        Assert.Equal(TitleMatchKind.Exact, resolution.Kind);
        Assert.Equal(resolution.Title.Title, (await Catalogue.ResolveWithAlternativesAsync(resolution.Title.Title)).Title.Title);
    }

    [Fact]
    public async Task Saw_without_a_year_picks_one_and_offers_the_other_one_click_away()
    {
        var resolution = await Catalogue.ResolveWithAlternativesAsync("Saw");

        Assert.Equal(TitleMatchKind.MostLikely, resolution.Kind);
        Assert.Equal(2004, resolution.Title.Year);
        Assert.Contains(resolution.Alternatives, a => a.Display == "Saw (2003)");
    }

    [Fact]
    public async Task A_typo_resolves_to_the_closest_title_and_says_it_was_a_guess()
    {
        var resolution = await Catalogue.ResolveWithAlternativesAsync("Matirx");

        Assert.Equal("The Matrix (1999)", resolution.Title.Display);
        Assert.Equal(TitleMatchKind.Closest, resolution.Kind);
    }

    [Fact]
    public async Task Text_like_no_title_is_refused_with_suggestions_and_a_short_quote()
    {
        var error = await Assert.ThrowsAsync<UnknownMovieException>(() => Catalogue.ResolveWithAlternativesAsync("Qwzrtx Plmbvk"));
        Assert.StartsWith("I don't know a movie called 'Qwzrtx Plmbvk'", error.Message);

        var huge = await Assert.ThrowsAsync<UnknownMovieException>(() => Catalogue.ResolveWithAlternativesAsync(new string('x', 5000)));
        Assert.InRange(huge.Message.Length, 1, 300);
    }

    [Theory]
    [InlineData("ml-latest-small")]
    [InlineData("ml-100k")]
    [InlineData("ml-latest-small", "ml-100k")]
    public async Task Typing_any_catalogue_title_with_or_without_its_year_resolves_to_that_film(params string[] datasets)
    {
        var connectionString = await TestDatabases.CreateAsync("titles");
        var importer = new CatalogImporter(connectionString);
        foreach (var dataset in datasets)
        {
            await (dataset == "ml-100k"
                ? importer.ImportMovieLens100kAsync(SharedPaths.Data(dataset))
                : importer.ImportMovieLensLatestAsync(SharedPaths.Data(dataset)));
        }

        var misses = new List<string>();
        var coverage = await TitleResolutionCoverage.MeasureAsync(connectionString, misses);
        output.WriteLine(string.Join(" + ", datasets) + ": " + coverage);
        foreach (var miss in misses.Take(40))
        {
            output.WriteLine(miss);
        }

        Assert.Equal(1.0, coverage.Display.Share);
        Assert.Equal(1.0, coverage.BareWithYear.Share);
        Assert.Equal(1.0, coverage.Bare.UniqueShare);
        Assert.Equal(1.0, coverage.Bare.OfferedShare);
        Assert.True(coverage.Share >= 0.985, coverage.ToString());
    }
}
