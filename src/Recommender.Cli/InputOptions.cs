using System.CommandLine;
using System.Globalization;
using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Cli;

/// <summary>Options shared by <c>evaluate</c> and <c>train</c>: where ratings come from, how to split, hyperparameters.</summary>
internal sealed class InputOptions
{
    public InputOptions(Command command)
    {
        foreach (var option in new Option[] { MovieLens, Train, Test, Catalog, Split, TestFraction, ValidationFraction, MinRating, Seed, NoTune, EaseHead, Factors, Iterations, Threads, DislikeAtOrBelow })
        {
            command.Options.Add(option);
        }
    }

    public Option<DirectoryInfo?> MovieLens { get; } = new("--movielens") { Description = "MovieLens folder (ml-latest-small, ml-100k, ml-1m): ratings plus catalogue." };

    public Option<FileInfo?> Train { get; } = new("--train") { Description = "Train ratings: CSV user,item[,rating[,timestamp]] (header optional; tab and :: also accepted)." };

    public Option<FileInfo?> Test { get; } = new("--test") { Description = "Test ratings in the same format; with --train, no split is made." };

    public Option<DirectoryInfo?> Catalog { get; } = new("--catalog") { Description = "MovieLens folder whose movies/tags give genres and years when using --train/--test." };

    public Option<string> Split { get; } = new("--split") { Description = "temporal | random | leave-last-out (with --movielens).", DefaultValueFactory = _ => "temporal" };

    public Option<double> TestFraction { get; } = new("--test-fraction") { Description = "Fraction held out by temporal and random splits.", DefaultValueFactory = _ => 0.2 };

    public Option<double> ValidationFraction { get; } = new("--validation-fraction") { Description = "With --movielens: fraction of each user's ratings set aside as the protocol's validation part, never trained on (random 70/10/20: --split random --test-fraction 0.2 --validation-fraction 0.1).", DefaultValueFactory = _ => 0.0 };

    public Option<float?> MinRating { get; } = new("--min-rating") { Description = "With --movielens: keep only ratings at or above this value (implicit feedback, e.g. 3) before splitting." };

    public Option<int> Seed { get; } = new("--seed") { Description = "Seed of splits, initialisation and sampling.", DefaultValueFactory = _ => 42 };

    public Option<bool> NoTune { get; } = new("--no-tune") { Description = "Skip tuning on a validation split of train; use the given/default hyperparameters." };

    public Option<int> EaseHead { get; } = new("--ease-head") { Description = "Most-rated items covered by EASE and EDLAE (default 20000: every rated item of MovieLens-sized data).", DefaultValueFactory = _ => 20_000 };

    public Option<int> Factors { get; } = new("--factors") { Description = "ALS factors.", DefaultValueFactory = _ => 64 };

    public Option<int> Iterations { get; } = new("--iterations") { Description = "ALS iterations.", DefaultValueFactory = _ => 15 };

    public Option<int> Threads { get; } = new("--threads") { Description = "Training threads (-1 = all cores).", DefaultValueFactory = _ => -1 };

    public Option<float> DislikeAtOrBelow { get; } = new("--dislike-at-or-below") { Description = "Ratings at or below count against similar items when scoring (-1 disables).", DefaultValueFactory = _ => -1f };

    /// <summary>Loads the data and applies the split; returns data set name, split description, split and catalogue.</summary>
    public (string Name, string Split, RatingsSplit Data, IReadOnlyList<ItemMetadata> Catalog) Load(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var catalog = parse.GetValue(Catalog) is { } c ? MovieLensReader.ReadCatalog(c.FullName) : [];
        if (parse.GetValue(Train) is { } train)
        {
            var test = parse.GetValue(Test);
            var trainRatings = RatingsFileReader.Read(train.FullName);
            var testRatings = test is null ? [] : RatingsFileReader.Read(test.FullName);
            return (train.Name, test is null ? "train only" : $"given split ({train.Name} / {test.Name})", new RatingsSplit(trainRatings, testRatings), catalog);
        }

        if (parse.GetValue(MovieLens) is not { } folder)
        {
            throw new ArgumentException("Give --movielens <folder> or --train <file> [--test <file>].");
        }

        var data = MovieLensReader.Read(folder.FullName);
        var ratings = parse.GetValue(MinRating) is { } minRating ? data.Ratings.Where(r => r.Value >= minRating).ToList() : data.Ratings;
        var kind = parse.GetValue(Split) switch
        {
            "temporal" => SplitKind.Temporal,
            "random" => SplitKind.Random,
            "leave-last-out" or "loo" => SplitKind.LeaveLastOut,
            var other => throw new ArgumentException($"Unknown split '{other}'."),
        };
        var fraction = parse.GetValue(TestFraction);
        var seed = parse.GetValue(Seed);
        var validation = parse.GetValue(ValidationFraction);
        var split = validation > 0 ? ProtocolSplitter.SettingAsideValidation(ratings, kind, fraction, validation, seed) : DataSplitter.Split(ratings, kind, fraction, seed);
        var description = kind == SplitKind.LeaveLastOut ? "leave-last-one-out" : string.Create(CultureInfo.InvariantCulture, $"{parse.GetValue(Split)} {fraction:P0} held out (seed {seed})");
        if (validation > 0)
        {
            description += string.Create(CultureInfo.InvariantCulture, $", {validation:P0} set aside as validation");
        }

        if (parse.GetValue(MinRating) is { } kept)
        {
            description += string.Create(CultureInfo.InvariantCulture, $", ratings >= {kept}");
        }

        return (folder.Name, description, split, catalog.Count > 0 ? catalog : data.Items);
    }

    public TrainingOptions Training(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new TrainingOptions(
            Als: new AlsOptions(Factors: parse.GetValue(Factors), Iterations: parse.GetValue(Iterations), Seed: parse.GetValue(Seed)),
            EaseHeadSize: parse.GetValue(EaseHead),
            Policy: new RatingPolicy(DislikeAtOrBelow: parse.GetValue(DislikeAtOrBelow)),
            MaxParallelism: parse.GetValue(Threads));
    }

    public TuningGrid? Grid(ParseResult parse) => parse.GetValue(NoTune) ? null : TuningGrid.Default;
}
