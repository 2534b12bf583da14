using CineSync.Recommender.Data;
using CineSync.Testing;

namespace CineSync.Recommender.Tests.Data;

public sealed class DataReadingTests
{
    [Theory]
    [InlineData("userId,movieId,rating,timestamp\n1,10,4.5,100\n2,20,3,200\n")]
    [InlineData("1,10,4.5,100\n2,20,3,200\n")]
    [InlineData("1\t10\t4.5\t100\n2\t20\t3\t200\n")]
    [InlineData("1::10::4.5::100\n2::20::3::200\n")]
    public void Generic_rating_files_are_read_with_or_without_header_and_any_common_separator(string content)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);
            var ratings = RatingsFileReader.Read(path);
            Assert.Equal([new RatingRecord(1, 10, 4.5f, 100), new RatingRecord(2, 20, 3f, 200)], ratings);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Files_with_only_user_and_item_count_every_line_as_a_rating_of_one()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "user,item\n5,7\n");
            Assert.Equal([new RatingRecord(5, 7, 1f, 0)], RatingsFileReader.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Ml_latest_small_is_read_with_genres_years_and_tags()
    {
        var data = MovieLensReader.Read(SharedPaths.Data("ml-latest-small"));

        Assert.Equal(100836, data.Ratings.Count);
        var toyStory = data.Items.Single(i => i.ItemId == 1);
        Assert.Equal(1995, toyStory.Year);
        Assert.Contains("Animation", toyStory.Genres);
        Assert.Contains(data.Items, i => i.Tags.Count > 0);
    }

    [Fact]
    public void Ml_100k_catalogue_is_read_from_latin1_u_item_with_genre_flags()
    {
        var items = MovieLensReader.ReadCatalog(SharedPaths.Data("ml-100k"));

        Assert.Equal(1682, items.Count);
        var goldenEye = items.Single(i => i.ItemId == 2);
        Assert.Equal(["Action", "Adventure", "Thriller"], goldenEye.Genres);
        Assert.Equal(1995, goldenEye.Year);
    }

    [Fact]
    public void Temporal_split_holds_out_each_users_latest_ratings()
    {
        var ratings = Enumerable.Range(0, 10).Select(i => new RatingRecord(1, i, 4f, 1000 - (i * 10))).ToList();

        var split = DataSplitter.Split(ratings, SplitKind.Temporal, 0.2);

        Assert.Equal([0, 1], split.Test.Select(r => r.ItemId).Order());
        Assert.True(split.Train.Max(r => r.Timestamp) < split.Test.Min(r => r.Timestamp));
    }

    [Fact]
    public void Leave_last_out_holds_out_exactly_one_rating_per_user()
    {
        var ratings = SyntheticWorld.Ratings();

        var split = DataSplitter.Split(ratings, SplitKind.LeaveLastOut);

        Assert.Equal(80, split.Test.Count);
        Assert.Equal(80, split.Test.Select(r => r.UserId).Distinct().Count());
        Assert.Equal((SplitKind.LeaveLastOut, 80.0 / ratings.Count), SplitDetector.Detect(split));
    }

    [Fact]
    public void Random_split_is_reproducible_with_a_seed()
    {
        var ratings = SyntheticWorld.Ratings();

        var a = DataSplitter.Split(ratings, SplitKind.Random, 0.2, seed: 5);
        var b = DataSplitter.Split(ratings, SplitKind.Random, 0.2, seed: 5);

        Assert.Equal(a.Test, b.Test);
        Assert.InRange(a.Test.Count, ratings.Count / 10, ratings.Count * 3 / 10);
    }

    [Fact]
    public void Ml_1m_dat_files_are_read_with_double_colon_separators_and_latin1_titles()
    {
        var folder = Directory.CreateTempSubdirectory("ml-1m-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "ratings.dat"), "1::1193::5::978300760\n1::661::3::978302109\n2::1193::4::978298413\n");
            File.WriteAllBytes(Path.Combine(folder.FullName, "movies.dat"), System.Text.Encoding.Latin1.GetBytes("1193::One Flew Over the Cuckoo's Nest (1975)::Drama\n661::James and the Giant Peach (1996)::Animation|Children's|Musical\n3::Caf\u00e9 (1999)::Comedy\n"));

            var data = MovieLensReader.Read(folder.FullName);

            Assert.Equal(new RatingRecord(1, 1193, 5f, 978300760), data.Ratings[0]);
            Assert.Equal(3, data.Ratings.Count);
            Assert.Equal(["Animation", "Children's", "Musical"], data.Items.Single(i => i.ItemId == 661).Genres);
            Assert.Equal("Caf\u00e9 (1999)", data.Items.Single(i => i.ItemId == 3).Title);
            Assert.Equal(1975, data.Items.Single(i => i.ItemId == 1193).Year);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
