using System.Diagnostics;
using System.Globalization;
using CineSync.Cluster.Bench;
using CineSync.Load.Bench;
using CineSync.Testing;
using CineSync.Testing.Cluster;
using Npgsql;

// dotnet run -c Release --project bench/Load -- [--duration s] [--rate n] [--ramp a,b,…] [--silos 1|3] [--users n]
//     [--warm n] [--pg-outage] [--kill-silo]          (bench/Load/README.md)
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine("usage: Load.Bench [--duration 60] [--rate 200 | --ramp 100,200,400] [--silos 1|3] [--users 100000] [--zipf 1.0] [--warm 0] [--pg-outage] [--kill-silo]");
    return 2;
}

var safety = TimeSpan.FromSeconds(180);
Console.WriteLine($"machine: {Machine.Describe()} (shared with other builds: figures are indicative)");
var database = await CatalogDatabase.CreateAsync("load");
Console.WriteLine(F($"setup: ml-latest-small imported and a small model trained in {database.PreparedIn.TotalSeconds:0.0} s"));
var clusterId = SiloCluster.NewClusterId("load");
SiloLaunch[] launches = options.Silos == 1
    ? [new("a", "model,taste")]
    : [new("a", "model,taste"), new("b", "taste"), new("c", "taste")];
var logs = Path.Combine(Path.GetTempPath(), "cinesync-load", clusterId);
await using var cluster = await SiloCluster.StartAsync(BuiltExecutable.Silo(typeof(LoadOptions).Assembly), database.ConnectionString, clusterId, launches, safety, logs);
Console.WriteLine(F($"silos: {string.Join(", ", cluster.Silos)}; all Active after {cluster.ReadyAfter.TotalSeconds:0.0} s; logs in {logs}"));
await using var bot = await BotDriver.StartAsync(database.ConnectionString, clusterId);
var workload = new Workload(bot, database.MoviesByPopularity, options.Users, options.Zipf, firstUserId: 5_000_000_000_000);

// Catalogue, model workers and connections warm, as in a bot that has been up a while.
for (var i = 0; i < 20; i++)
{
    await bot.RecommendAsync(workload.UserId(options.Users + i)); // outside the population: warm-up must not pre-activate users it gives ratings
}

var rssBefore = SiloMemory.ResidentBytes(cluster);
var activeBefore = await SiloMemory.ActiveUsersAsync(bot.Client);
Console.WriteLine(F($"memory before load: silos {SiloMemory.Mb(rssBefore)} resident, {activeBefore} active users"));
if (options.Warm > 0)
{
    var clock = Stopwatch.StartNew();
    await Warmup.GiveRatingsAsync(database.ConnectionString, workload, options.Warm, options.WarmRatings, database.MoviesByPopularity);
    Console.WriteLine(F($"warm-up: {options.Warm} users × {options.WarmRatings} ratings written in {clock.Elapsed.TotalSeconds:0.0} s"));
    var perSecond = await Warmup.ActivateAsync(bot, workload, options.Warm, parallel: 64);
    var rss = SiloMemory.ResidentBytes(cluster);
    var active = await SiloMemory.ActiveUsersAsync(bot.Client);
    Console.WriteLine(F($"warm-up: {options.Warm} users activated through /my_stats at {perSecond:0} per second; silos {SiloMemory.Mb(rss)} resident, {active} active users"));
    Console.WriteLine(F($"memory of warm users: {SiloMemory.Mb(rss - rssBefore)} for {active - activeBefore} users = {(rss - rssBefore) / (double)Math.Max(1, active - activeBefore) / 1024:0.0} KiB per warm user ({options.WarmRatings} ratings each; resident-set growth, an upper bound under server GC)"));
}

if (options.Warmup > TimeSpan.Zero)
{
    var warmRate = options.Ramp.Count > 0 ? options.Ramp[0] : options.Rate;
    var warm = await OpenLoop.RunAsync(workload, warmRate, options.Warmup, options.MaxInFlight, seed: 99, new Stopwatch(), []);
    Console.WriteLine(F($"warm-up load (not measured): {warm.Count} requests at {warmRate:0}/s for {options.Warmup.TotalSeconds:0} s, {warm.Count(s => s.Kind != Outcome.Ok)} failed"));
}

if (options.Ramp.Count > 0)
{
    Console.WriteLine($"ramp: {string.Join(", ", options.Ramp)} arrivals/s, {options.Duration.TotalSeconds:0} s each (all of them: on a shared machine a busy moment can miss a rate that a higher one meets); target /recommend p99 ≤ 50 ms and no failure");
    double? best = null;
    var seed = 1;
    foreach (var rate in options.Ramp)
    {
        var samples = await OpenLoop.RunAsync(workload, rate, options.Duration, options.MaxInFlight, seed++, new Stopwatch(), []);
        var (p99, failures) = LoadReport.Verdict(samples);
        var held = p99 <= 50 && failures == 0;
        Console.WriteLine(F($"rate {rate:0}/s on {options.Silos} silo(s): /recommend p99 {p99:0.0} ms, {failures} failed → {(held ? "holds" : "does not hold")}; load average {Machine.LoadAverage()}"));
        LoadReport.PrintCommands(samples, options.Duration);
        if (held)
        {
            best = Math.Max(best ?? 0, rate);
        }
    }

    Console.WriteLine(best is { } b
        ? F($"highest arrival rate with /recommend p99 ≤ 50 ms and no failure on {options.Silos} silo(s): {b:0}/s")
        : "no rate of the ramp held");
}
else
{
    var clock = new Stopwatch();
    var events = new List<(TimeSpan, Func<Task>)>();
    double? stoppedAt = null, restartedAt = null, killedAt = null;
    var half = options.Duration / 2;
    if (options.PgOutage)
    {
        var server = await PostgresServer.GetAsync();
        var stopAt = half - options.OutageLength / 2;
        events.Add((stopAt, async () =>
        {
            await server.StopAsync();
            stoppedAt = clock.Elapsed.TotalSeconds;
            Console.WriteLine(F($"  t={stoppedAt:0.0} s: PostgreSQL stopped"));
            await Task.Delay(options.OutageLength);
            await server.RestartAsync();
            restartedAt = clock.Elapsed.TotalSeconds;
            Console.WriteLine(F($"  t={restartedAt:0.0} s: PostgreSQL accepting connections again"));
        }));
    }

    if (options.KillSilo)
    {
        events.Add((half, () =>
        {
            cluster["b"].Kill();
            killedAt = clock.Elapsed.TotalSeconds;
            Console.WriteLine(F($"  t={killedAt:0.0} s: silo b killed (SIGKILL)"));
            return Task.CompletedTask;
        }));
    }

    Console.WriteLine(F($"load: {options.Rate:0} arrivals/s for {options.Duration.TotalSeconds:0} s over {options.Users} users (Zipf {options.Zipf}) on {options.Silos} silo(s)"));
    var samples = await OpenLoop.RunAsync(workload, options.Rate, options.Duration, options.MaxInFlight, seed: 1, clock, events);
    Console.WriteLine(F($"{samples.Count} requests from {samples.Select(s => s.User).Distinct().Count()} distinct users; load average {Machine.LoadAverage()}"));
    LoadReport.PrintCommands(samples, options.Duration);
    var (p99, failures) = LoadReport.Verdict(samples);
    Console.WriteLine(F($"/recommend p99 {p99:0.0} ms, {failures} failed request(s)"));

    if (stoppedAt is { } down && restartedAt is { } up)
    {
        string[] writes = ["rate", "feedback"];
        string[] reads = ["recommend", "why", "similar"];
        var during = samples.Where(s => s.DueAt >= down && s.DueAt < up).ToList();
        var refused = during.Where(s => writes.Contains(s.Command) && s.Kind.StartsWith("database-unavailable", StringComparison.Ordinal)).ToList();
        var readsOk = during.Count(s => reads.Contains(s.Command) && s.Kind == Outcome.Ok);
        var readsAll = during.Count(s => reads.Contains(s.Command));
        var warmUsers = samples.Where(s => s.DueAt < down && s.Kind == Outcome.Ok).Select(s => s.User).ToHashSet();
        var warmReads = during.Where(s => reads.Contains(s.Command) && warmUsers.Contains(s.User)).ToList();
        var lastFailedWrite = samples.Where(s => writes.Contains(s.Command) && s.Kind != Outcome.Ok && s.DueAt >= up).Select(s => s.DueAt).DefaultIfEmpty(up).Max();
        Console.WriteLine(F($"outage: PostgreSQL down {up - down:0.0} s; writes refused with \"couldn't save\": {refused.Count}, slowest refusal {refused.Select(s => s.LatencyMs).DefaultIfEmpty(0).Max():0} ms; reads answered while down: {readsOk} of {readsAll}, of warm users (active before the outage) {warmReads.Count(s => s.Kind == Outcome.Ok)} of {warmReads.Count}"));
        Console.WriteLine(F($"outage: the last write that failed was due {lastFailedWrite - up:0.0} s after PostgreSQL was back"));
        LoadReport.PrintWindows(samples, down - 2, up + 12);
    }

    if (killedAt is { } killed)
    {
        var (baseline, recovered) = LoadReport.Recovery(samples, killed);
        var failedByKind = string.Join("; ", samples.Where(s => s.DueAt >= killed && s.Kind != Outcome.Ok).GroupBy(s => s.Command + " " + s.Kind).Select(g => $"{g.Key} ×{g.Count()}"));
        Console.WriteLine(F($"kill: failed requests after the kill: {(failedByKind.Length == 0 ? "none" : failedByKind)}"));
        Console.WriteLine(F($"kill: p99 before the kill {baseline:0.0} ms; back to normal (3 s in a row without failures, p99 ≤ max(1.5×, +10 ms)) {(recovered is { } r ? r.ToString("0", CultureInfo.InvariantCulture) + " s after the kill" : "not within the run")}"));
        LoadReport.PrintWindows(samples, killed - 2, killed + 20);
    }

    await ReportAcknowledgedAsync(database.ConnectionString, bot);
}

var rssEnd = SiloMemory.ResidentBytes(cluster);
var activeEnd = await SiloMemory.ActiveUsersAsync(bot.Client);
Console.WriteLine(options.KillSilo
    ? F($"memory at the end: surviving silos {SiloMemory.Mb(rssEnd)} resident, {activeEnd} active users")
    : F($"memory at the end: silos {SiloMemory.Mb(rssEnd)} resident, {activeEnd} active users, {(rssEnd - rssBefore) / (double)Math.Max(1, activeEnd - activeBefore) / 1024:0.0} KiB per active user above the start"));
return 0;

static async Task ReportAcknowledgedAsync(string connectionString, BotDriver bot)
{
    var stored = new Dictionary<(long, int), float>();
    await using (var connection = new NpgsqlConnection(connectionString))
    {
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_id, movie_id, rating FROM user_ratings WHERE user_id = ANY(@users)", connection) { CommandTimeout = 300 };
        command.Parameters.AddWithValue("users", bot.Acknowledged.Keys.Select(k => k.User).Distinct().ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stored[(reader.GetInt64(0), reader.GetInt32(1))] = (float)reader.GetDecimal(2);
        }
    }

    var missing = bot.Acknowledged.Count(a => !stored.TryGetValue(a.Key, out var stars) || stars != a.Value);
    Console.WriteLine(F($"acknowledged ratings (distinct user and title): {bot.Acknowledged.Count}; missing or different in user_ratings: {missing}"));
}

static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
