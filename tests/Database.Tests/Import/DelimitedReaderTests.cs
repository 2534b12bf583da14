using System.Text;
using CineSync.Database.Import;
using CineSync.Database.Import.Text;
using CineSync.Testing;

namespace CineSync.Database.Tests.Import;

public sealed class DelimitedReaderTests : IDisposable
{
    private readonly string _folder = PostgresServer.CreateTempFolder("reader-");

    [Fact]
    public void Csv_fields_may_hold_commas_doubled_quotes_and_line_breaks_and_keep_their_starting_line()
    {
        var path = Path.Combine(_folder, "x.csv");
        File.WriteAllText(path, "a,b\r\n1,\"x, y\"\r\n2,\"say \"\"hi\"\"\"\r\n\r\n3,\"two\r\nlines\"\r\n4,last\r\n");
        using var reader = new DelimitedReader(path, Encoding.UTF8, ',', quoted: true);
        var fields = new List<string>();
        var records = new List<(int Line, string Text)>();
        while (reader.TryRead(fields, out var line))
        {
            records.Add((line, string.Join("|", fields)));
        }

        Assert.Equal([(1, "a|b"), (2, "1|x, y"), (3, "2|say \"hi\""), (5, "3|two\nlines"), (7, "4|last")], records);
    }

    [Fact]
    public void Plain_separated_files_treat_quotes_as_text()
    {
        var path = Path.Combine(_folder, "u.item");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("543|Mis\u00e9rables, Les (1995)|\"quoted\"\n"));
        using var reader = new DelimitedReader(path, Encoding.Latin1, '|', quoted: false);
        var fields = new List<string>();

        Assert.True(reader.TryRead(fields, out _));
        Assert.Equal(["543", "Misérables, Les (1995)", "\"quoted\""], fields);
    }

    [Theory]
    [InlineData("Toy Story (1995)", "Toy Story", 1995)]
    [InlineData("Babylon 5", "Babylon 5", null)]
    [InlineData("Stranger Things (2016-2017) ", "Stranger Things", 2016)]
    [InlineData("1900 (Novecento) (1976)", "1900 (Novecento)", 1976)]
    public void A_title_loses_its_year_suffix(string text, string title, int? year)
    {
        var parsed = MovieTitle.Parse(text);
        Assert.Equal((title, (short?)year), (parsed.Title, parsed.Year));
    }

    [Fact]
    public void The_same_film_gets_the_same_match_key_across_data_sets()
    {
        Assert.Equal(MovieTitle.Parse("Usual Suspects, The (1995)").MatchKey(), MovieTitle.Parse("The Usual Suspects (1995)").MatchKey());
        Assert.Equal(
            MovieTitle.Parse("City of Lost Children, The (Cité des enfants perdus, La) (1995)").LooseMatchKey(),
            MovieTitle.Parse("City of Lost Children, The (1995)").MatchKey());
        Assert.NotEqual(MovieTitle.Parse("Heat (1995)").MatchKey(), MovieTitle.Parse("Heat (1986)").MatchKey());
    }

    public void Dispose() => PostgresServer.TryDelete(_folder);
}
