using System.Globalization;

namespace CineSync.Load.Bench;

/// <summary>The command line: <c>--duration 60 --rate 200 --silos 1 --users 100000 --warm 0 --warmup 10 --pg-outage --kill-silo --ramp 100,200</c>.</summary>
internal sealed record LoadOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Arrivals per second (open loop: sent on schedule whether or not earlier ones have answered).</summary>
    public double Rate { get; init; } = 200;

    /// <summary>Rates to try one after the other (each for <see cref="Duration"/>) to find the highest that holds.</summary>
    public IReadOnlyList<double> Ramp { get; init; } = [];

    public int Silos { get; init; } = 1;

    /// <summary>Unmeasured load before the measured part, so JIT tiering and connection pools are warm as in a running bot.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Distinct Discord user ids activity is drawn from (Zipf: a few users are very active, most rarely).</summary>
    public int Users { get; init; } = 100_000;

    /// <summary>Zipf exponent of user activity.</summary>
    public double Zipf { get; init; } = 1.0;

    /// <summary>Users given ratings and activated before the load, to measure memory per warm user (0: none).</summary>
    public int Warm { get; init; }

    /// <summary>Ratings each warmed user starts with.</summary>
    public int WarmRatings { get; init; } = 10;

    /// <summary>Stop PostgreSQL for <see cref="OutageLength"/> in the middle of the run.</summary>
    public bool PgOutage { get; init; }

    public TimeSpan OutageLength { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary><c>kill -9</c> one taste silo of three in the middle of the run.</summary>
    public bool KillSilo { get; init; }

    /// <summary>Most requests in flight; arrivals beyond it are counted as "shed" errors instead of piling up.</summary>
    public int MaxInFlight { get; init; } = 5000;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--duration" => options with { Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--rate" => options with { Rate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--ramp" => options with { Ramp = [.. Next().Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))] },
                "--warmup" => options with { Warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--silos" => options with { Silos = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--users" => options with { Users = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--zipf" => options with { Zipf = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warm" => options with { Warm = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--warm-ratings" => options with { WarmRatings = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--pg-outage" => options with { PgOutage = true },
                "--outage-seconds" => options with { OutageLength = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--kill-silo" => options with { KillSilo = true, Silos = 3 },
                "--max-in-flight" => options with { MaxInFlight = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }

        if (options.Silos is not (1 or 3) || options.Rate <= 0 || options.Users < 1 || options.Warm > options.Users || options.Duration <= TimeSpan.Zero)
        {
            throw new ArgumentException("--silos is 1 or 3; --rate and --duration are positive; --warm is at most --users.");
        }

        return options;
    }
}
