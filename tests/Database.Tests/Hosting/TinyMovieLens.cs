namespace CineSync.Database.Tests.Hosting;

/// <summary>A three-movie MovieLens "latest" folder, for tests that need demo data but not 100,000 ratings.</summary>
internal static class TinyMovieLens
{
    public const int Movies = 3;

    public static string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "movies.csv"),
            "movieId,title,genres\r\n1,Toy Story (1995),Animation|Children|Comedy\r\n2,Jumanji (1995),Adventure\r\n3,Heat (1995),Action|Crime\r\n");
        File.WriteAllText(Path.Combine(folder, "links.csv"), "movieId,imdbId,tmdbId\r\n1,0114709,862\r\n2,0113497,8844\r\n3,0113277,949\r\n");
        File.WriteAllText(Path.Combine(folder, "ratings.csv"), "userId,movieId,rating,timestamp\r\n1,1,4.0,964982703\r\n1,3,5.0,964982703\r\n2,2,3.5,964982703\r\n");
        return folder;
    }
}
