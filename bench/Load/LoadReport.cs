using System.Globalization;

namespace CineSync.Load.Bench;

/// <summary>Per-command throughput, latency percentiles and errors by kind; per-second windows around a fault.</summary>
internal static class LoadReport
{
    public static void PrintCommands(IReadOnlyList<Sample> samples, TimeSpan duration)
    {
        Console.WriteLine($"  {"command",-12} {"sent",7} {"ok",7} {"ok/s",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}  errors by kind");
        foreach (var group in samples.GroupBy(s => s.Command).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ok = group.Where(s => s.Kind == Outcome.Ok).Select(s => s.LatencyMs).Order().ToArray();
            var errors = string.Join("; ", group.Where(s => s.Kind != Outcome.Ok).GroupBy(s => s.Kind).Select(k => $"{k.Key} ×{k.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {group.Key,-12} {group.Count(),7} {ok.Length,7} {ok.Length / duration.TotalSeconds,7:0.0} {Percentile(ok, 50),8:0.0} {Percentile(ok, 95),8:0.0} {Percentile(ok, 99),8:0.0}  {(errors.Length == 0 ? "none" : errors)}"));
        }

        var all = samples.Where(s => s.Kind == Outcome.Ok).Select(s => s.LatencyMs).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {"all",-12} {samples.Count,7} {all.Length,7} {all.Length / duration.TotalSeconds,7:0.0} {Percentile(all, 50),8:0.0} {Percentile(all, 95),8:0.0} {Percentile(all, 99),8:0.0}  {samples.Count(s => s.Kind != Outcome.Ok)} failed"));
    }

    /// <summary>p99 of /recommend's successful replies, and whether every request of the run succeeded.</summary>
    public static (double RecommendP99, int Failures) Verdict(IReadOnlyList<Sample> samples) =>
        (Percentile([.. samples.Where(s => s.Command == "recommend" && s.Kind == Outcome.Ok).Select(s => s.LatencyMs).Order()], 99),
         samples.Count(s => s.Kind != Outcome.Ok));

    /// <summary>
    /// Seconds from <paramref name="at"/> until the run is back to normal: the first second from which three whole
    /// seconds in a row have no failure and a p99 within 1.5× (plus 10 ms) of the p99 before <paramref name="at"/>.
    /// </summary>
    public static (double BaselineP99, double? RecoveredAfter) Recovery(IReadOnlyList<Sample> samples, double at)
    {
        var before = samples.Where(s => s.DueAt < at && s.DueAt >= 2 && s.Kind == Outcome.Ok).Select(s => s.LatencyMs).Order().ToArray();
        var baseline = Percentile(before, 99);
        var normal = Math.Max(baseline * 1.5, baseline + 10);
        var windows = samples.Where(s => s.DueAt >= at).GroupBy(s => (int)Math.Floor(s.DueAt)).OrderBy(g => g.Key).ToList();
        for (var i = 0; i + 2 < windows.Count; i++)
        {
            if (windows.Skip(i).Take(3).All(w => w.All(s => s.Kind == Outcome.Ok) && Percentile([.. w.Select(s => s.LatencyMs).Order()], 99) <= normal))
            {
                return (baseline, Math.Max(0, windows[i].Key - at));
            }
        }

        return (baseline, null);
    }

    /// <summary>Per-second lines from <paramref name="from"/> to <paramref name="to"/>: requests, failures by kind, p99.</summary>
    public static void PrintWindows(IReadOnlyList<Sample> samples, double from, double to)
    {
        foreach (var window in samples.Where(s => s.DueAt >= from && s.DueAt < to).GroupBy(s => (int)Math.Floor(s.DueAt)).OrderBy(g => g.Key))
        {
            var failures = string.Join("; ", window.Where(s => s.Kind != Outcome.Ok).GroupBy(s => s.Command + " " + s.Kind).Select(k => $"{k.Key} ×{k.Count()}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    t={window.Key,3} s: {window.Count(),5} sent, p99 {Percentile([.. window.Where(s => s.Kind == Outcome.Ok).Select(s => s.LatencyMs).Order()], 99),7:0.0} ms{(failures.Length == 0 ? "" : ", failed: " + failures)}"));
        }
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
