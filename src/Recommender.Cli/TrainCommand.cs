using System.CommandLine;
using System.Diagnostics;
using CineSync.Recommender.Bundle;
using CineSync.Recommender.Data;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Cli;

/// <summary><c>train</c>: trains every model on all ratings of a data set and writes a model bundle.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train all models on a data set and write a versioned, checksummed model bundle.");
        var movieLens = new Option<DirectoryInfo?>("--movielens") { Description = "MovieLens folder (ratings plus catalogue)." };
        var ratings = new Option<FileInfo?>("--ratings") { Description = "Ratings CSV user,item[,rating[,timestamp]] (instead of --movielens)." };
        var catalog = new Option<DirectoryInfo?>("--catalog") { Description = "MovieLens folder whose movies/tags give genres and years (with --ratings)." };
        var output = new Option<FileInfo>("--out") { Description = "Bundle file to write.", Required = true };
        var noTune = new Option<bool>("--no-tune") { Description = "Skip tuning on a temporal validation split." };
        var easeHead = new Option<int>("--ease-head") { Description = "Most-rated items covered by EASE.", DefaultValueFactory = _ => 3000 };
        var version = new Option<string?>("--version-label") { Description = "Version stored in the bundle (default: training time)." };
        var seed = new Option<int>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 42 };
        foreach (var option in new Option[] { movieLens, ratings, catalog, output, noTune, easeHead, version, seed })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            RatingsDataset data;
            if (parse.GetValue(movieLens) is { } folder)
            {
                data = MovieLensReader.Read(folder.FullName);
            }
            else if (parse.GetValue(ratings) is { } file)
            {
                var items = parse.GetValue(catalog) is { } c ? MovieLensReader.ReadCatalog(c.FullName) : [];
                data = new RatingsDataset(RatingsFileReader.Read(file.FullName), items);
            }
            else
            {
                Console.Error.WriteLine("Give --movielens <folder> or --ratings <file>.");
                return 2;
            }

            var watch = Stopwatch.StartNew();
            var bundle = BundleTrainer.Train(data.Ratings, data.Items, new BundleTrainingOptions
            {
                Tune = !parse.GetValue(noTune),
                EaseHeadSize = parse.GetValue(easeHead),
                Seed = parse.GetValue(seed),
                Version = parse.GetValue(version),
            }, Console.Error.WriteLine);
            var path = parse.GetValue(output)!.FullName;
            bundle.Save(path);
            Console.WriteLine($"wrote {path} ({new FileInfo(path).Length / 1e6:F1} MB, version {bundle.Version}, {bundle.ItemCount} items) in {watch.Elapsed.TotalSeconds:F1} s");
            watch.Restart();
            ModelBundle.Load(path);
            Console.WriteLine($"verified: loads in {watch.Elapsed.TotalMilliseconds:F0} ms");
            return 0;
        });
        return command;
    }
}
