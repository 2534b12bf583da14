using System.Globalization;
using CineSync.Grains.Data;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using Microsoft.Extensions.Options;

namespace CineSync.Grains.Catalogue;

/// <summary>
/// How often typing a catalogue title gets that title: for every title, its display title ("The Shining (1980)"), its
/// bare title ("The Shining") and its bare title with the year ("The Shining 1980"). Two titles with the same name
/// and year cannot be told apart by any text; they are counted apart (<see cref="Indistinguishable"/>).
/// </summary>
internal sealed record TitleResolutionCoverage(int Titles, int Indistinguishable, FormCoverage Display, FormCoverage Bare, FormCoverage BareWithYear)
{
    /// <summary>All three forms together: the share picked.</summary>
    public double Share => (double)(Display.Resolved + Bare.Resolved + BareWithYear.Resolved) / (Display.Typed + Bare.Typed + BareWithYear.Typed);

    /// <summary>Measures the catalogue in the database at <paramref name="connectionString"/>, loaded as a silo loads it.</summary>
    public static async Task<TitleResolutionCoverage> MeasureAsync(string connectionString, List<string>? misses = null, CancellationToken cancellationToken = default)
    {
        await using var source = new ConnectionStringDataSource(connectionString);
        var store = new CatalogueStore(new GrainsDatabase(source), TimeProvider.System, Options.Create(new CineSyncGrainsOptions()));
        return Measure(await store.GetAsync(cancellationToken).ConfigureAwait(false), misses);
    }

    public static TitleResolutionCoverage Measure(CatalogueSnapshot catalogue, List<string>? misses = null)
    {
        var twins = catalogue.Entries
            .GroupBy(e => (TitleText.Key(e.Info.Title), e.Info.Year))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g)
            .Select(e => e.Info.MovieId)
            .ToHashSet();
        var display = new FormCoverage();
        var bare = new FormCoverage();
        var bareWithYear = new FormCoverage();
        foreach (var entry in catalogue.Entries.Where(e => !twins.Contains(e.Info.MovieId)))
        {
            var title = entry.Info;
            Count(display, title.Display);
            Count(bare, title.Title);
            if (title.Year is int year)
            {
                Count(bareWithYear, string.Create(CultureInfo.InvariantCulture, $"{title.Title} {year}"));
            }

            void Count(FormCoverage form, string typed)
            {
                form.Typed++;
                var (key, year) = TitleText.ParseQuery(TitleText.Display(typed));
                var unique = catalogue.Named(key).Count(e => year is null || e.Info.Year == year) == 1;
                form.Unique += unique ? 1 : 0;
                TitleResolution? resolution = null;
                try
                {
                    resolution = TitleResolver.Resolve(catalogue, typed);
                }
                catch (UnknownMovieException)
                {
                }

                if (resolution?.Title.MovieId == title.MovieId)
                {
                    form.Resolved++;
                    form.UniqueResolved += unique ? 1 : 0;
                }
                else
                {
                    form.Offered += resolution?.Alternatives.Any(a => a.MovieId == title.MovieId) == true ? 1 : 0;
                    misses?.Add($"'{typed}' → {resolution?.Title.Display ?? "refused"}");
                }
            }
        }

        return new TitleResolutionCoverage(catalogue.Count, twins.Count, display, bare, bareWithYear);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Titles} titles ({Indistinguishable} share name and year with another, left out)\n  display title:     {Display}\n  bare title:        {Bare}\n  bare title + year: {BareWithYear}\n  all forms: {Share:P2} picked; the rest are titles a namesake shares (\"Hamlet\"), offered one click away");
}

/// <summary>How many typed texts of one form resolved to the title they name.</summary>
internal sealed class FormCoverage
{
    public int Typed { get; set; }

    public int Resolved { get; set; }

    /// <summary>Texts that name only this film (not "Hamlet", which names four).</summary>
    public int Unique { get; set; }

    public int UniqueResolved { get; set; }

    /// <summary>Of the texts that name one film only, the share resolved to it.</summary>
    public double UniqueShare => Unique == 0 ? 1 : (double)UniqueResolved / Unique;

    /// <summary>The share picked, or offered one click away.</summary>
    public double OfferedShare => Typed == 0 ? 1 : (double)(Resolved + Offered) / Typed;

    /// <summary>Not picked, but offered one click away among the alternatives (a namesake is more rated).</summary>
    public int Offered { get; set; }

    public double Share => Typed == 0 ? 1 : (double)Resolved / Typed;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Resolved}/{Typed} picked ({Share:P2}); naming one film {UniqueResolved}/{Unique} ({UniqueShare:P2}); picked or offered {OfferedShare:P2}");
}
