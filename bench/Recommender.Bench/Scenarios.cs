using System.Diagnostics;
using CineSync.Recommender.Bundle;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Bench;

/// <summary>Benchmark scenarios: each prints its figures against the issue's targets.</summary>
internal static class Scenarios
{
    private static readonly Lazy<(RatingsDataset Data, ModelBundle Bundle)> TenThousandItems = new(() =>
    {
        var data = SyntheticData.Create(users: 5000, items: 10_000, ratingsPerUser: 60);
        var bundle = BundleTrainer.Train(data.Ratings, data.Items, new BundleTrainingOptions { Tune = false, Version = "bench" });
        return (data, bundle);
    });

    public static void AlsSmall()
    {
        var data = MovieLensReader.Read(SharedData("ml-latest-small"));
        var train = TrainingData.Create(data.Ratings, data.Items);
        AlsModel.Fit(train, new AlsOptions(Iterations: 1), RatingPolicy.Default); // warm-up (JIT)
        var watch = Stopwatch.StartNew();
        AlsModel.Fit(train, new AlsOptions(Factors: 64, Iterations: 15), RatingPolicy.Default);
        Report("iALS 64 factors × 15 iterations, ml-latest-small (100k ratings)", watch.Elapsed.TotalSeconds, "s", 5);
    }

    public static void AlsMillion()
    {
        var data = SyntheticData.Create(users: 20_000, items: 10_000, ratingsPerUser: 50);
        var train = TrainingData.Create(data.Ratings, data.Items);
        var watch = Stopwatch.StartNew();
        AlsModel.Fit(train, new AlsOptions(Factors: 64, Iterations: 15), RatingPolicy.Default);
        Report($"iALS 64 factors × 15 iterations, {train.UserItems.NonZeros / 1e6:F2}M synthetic interactions", watch.Elapsed.TotalSeconds, "s", 60);
    }

    public static void EaseHead()
    {
        var data = MovieLensReader.Read(SharedData("ml-latest-small"));
        var train = TrainingData.Create(data.Ratings, data.Items);
        var watch = Stopwatch.StartNew();
        EaseModel.Fit(train, 3000, 250f);
        var head = watch.Elapsed.TotalSeconds;
        Report("EASE closed form, head of 3000 items (Gram + blocked Cholesky inverse), ml-latest-small (baseline)", head, "s", double.NaN);
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes();
        watch.Restart();
        var full = EaseModel.Fit(train, 20_000, 250f);
        var seconds = watch.Elapsed.TotalSeconds;
        var n = full.HeadSize;
        Report($"EASE over every rated item ({n} items), ml-latest-small, {(GC.GetTotalAllocatedBytes() - before) / 1e9:F2} GB allocated", seconds, "s", double.NaN);
        Console.WriteLine($"    ratio to the 3000 head: {seconds / head:F1}× (n³ predicts {Math.Pow(n / 3000.0, 3):F1}×); 20,000 items would take ~{seconds * Math.Pow(20_000.0 / n, 3) / 60:F0} min and 3.2 GB");
    }

    public static void FoldIn()
    {
        var bundle = TenThousandItems.Value.Bundle;
        var random = new Random(1);
        var ratings = Enumerable.Range(0, 200).Select(_ => new UserRating(random.Next(bundle.ItemCount), 1 + random.Next(5))).DistinctBy(r => r.ItemId).ToArray();
        var engine = new RecommenderEngine(bundle);
        var profile = engine.Profile(ratings);
        var als = bundle.Als;
        // Warm up for a second, not a count of calls: the JIT promotes hot methods to optimised code only after its
        // tiering delay, and a short warm-up would measure the unoptimised code.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed < TimeSpan.FromSeconds(1);) { als.FoldIn(profile); }
        var samples = new double[2000];
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < samples.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            als.FoldIn(profile);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / samples.Length;
        Array.Sort(samples);
        Report($"fold-in of {profile.Count} ratings at 64 factors, p50 ({allocated} B allocated per call: taste + factor)", samples[samples.Length / 2], "µs", 100);
        Console.WriteLine($"    p90 {samples[samples.Length * 9 / 10]:F1} µs, p99 {samples[samples.Length * 99 / 100]:F1} µs");
    }

    public static void TopK()
    {
        var (data, bundle) = TenThousandItems.Value;
        var engine = new RecommenderEngine(bundle);
        var byUser = data.Ratings.GroupBy(r => r.UserId).Take(300).Select(g => g.Select(r => new UserRating(r.ItemId, r.Value)).ToArray()).ToArray();
        Measure(engine, byUser, explanations: 0, $"personal top-10, full ensemble ({bundle.ModelNames.Count} models: {string.Join(", ", bundle.ModelNames)}), 10k items, rated excluded, taste precomputed");
        Measure(engine, byUser, explanations: 3, "same with 3 explanations per item");
    }

    public static void Bundle()
    {
        var bundle = TenThousandItems.Value.Bundle;
        var path = Path.Combine(Path.GetTempPath(), "cinesync-bench.bundle");
        bundle.Save(path);
        var size = new FileInfo(path).Length / 1e6;
        Report($"bundle size, {bundle.ItemCount} items (EASE and EDLAE heads of 3000 as float16, RP3β top 100 per item)", size, "MB", 60);
        ModelBundle.Load(path);
        var loads = new double[5];
        for (var i = 0; i < loads.Length; i++)
        {
            var watch = Stopwatch.StartNew();
            ModelBundle.Load(path);
            loads[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(loads);
        Report("bundle load (checksum + parse + validate), 10k items, median of 5", loads[2], "ms", 1000);
        Console.WriteLine($"    fastest {loads[0]:F0} ms, slowest {loads[^1]:F0} ms (the machine is shared: the spread is other processes)");
        File.Delete(path);
    }

    private static void Measure(RecommenderEngine engine, UserRating[][] users, int explanations, string label)
    {
        var requests = users.Select(r => new RecommendationRequest(r) { Count = 10, Taste = engine.FoldIn(r), ExplanationsPerItem = explanations }).ToArray();
        foreach (var r in requests) { engine.Recommend(r); }
        var samples = new List<double>();
        long allocated = 0;
        for (var round = 0; round < 5; round++)
        {
            foreach (var r in requests)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                engine.Recommend(r);
                samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        samples.Sort();
        Report($"{label}, p50 ({allocated / samples.Count} B allocated per request, mean {users.Average(u => u.Length):F0} ratings/user)", samples[samples.Count / 2], "ms", explanations == 0 ? 0.3 : double.NaN);
        Console.WriteLine($"    p90 {samples[samples.Count * 9 / 10]:F3} ms, p99 {samples[samples.Count * 99 / 100]:F3} ms");
    }

    internal static void Report(string what, double value, string unit, double target)
    {
        var verdict = double.IsNaN(target) ? string.Empty : value <= target ? $"  (target ≤ {target} {unit}: OK)" : $"  (target ≤ {target} {unit}: MISSED)";
        Console.WriteLine($"{what}: {value:F2} {unit}{verdict}");
    }

    private static string SharedData(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", name);
            if (Directory.Exists(candidate)) { return candidate; }
            candidate = Path.Combine(dir.FullName, "..", "shared", "data", name);
            if (Directory.Exists(candidate)) { return Path.GetFullPath(candidate); }
        }

        throw new DirectoryNotFoundException($"shared/data/{name} not found above {AppContext.BaseDirectory}");
    }
}
