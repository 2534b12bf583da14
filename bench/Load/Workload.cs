namespace CineSync.Load.Bench;

/// <summary>
/// What simulated Discord users do, drawn one request at a time: who (Zipf over the user ids), which command (the mix),
/// about which title (Zipf over titles by popularity), and with whom (watch parties of 3 to 8).
/// </summary>
internal sealed class Workload(BotDriver bot, IReadOnlyList<int> moviesByPopularity, int users, double zipf, long firstUserId)
{
    /// <summary>Share of arrivals per command (sums to 1).</summary>
    public static readonly IReadOnlyList<(string Command, double Share)> Mix =
    [
        ("rate", 0.30),
        ("recommend", 0.35),
        ("why", 0.08),
        ("similar", 0.10),
        ("feedback", 0.12),
        ("watch_party", 0.05),
    ];

    private readonly ZipfSampler _users = new(users, zipf);
    private readonly ZipfSampler _movies = new(Math.Min(moviesByPopularity.Count, 3000), 0.8);

    public long FirstUserId => firstUserId;

    public long UserId(int rank) => firstUserId + rank;

    /// <summary>The next request: its command, its user and the call that makes it (not yet started).</summary>
    public (string Command, long User, Func<Task<string>> Call) Next(Random random)
    {
        var user = UserId(_users.Next(random));
        var movie = moviesByPopularity[_movies.Next(random)];
        var pick = random.NextDouble();
        var command = Mix[^1].Command;
        foreach (var (name, share) in Mix)
        {
            if ((pick -= share) < 0)
            {
                command = name;
                break;
            }
        }

        return command switch
        {
            "rate" => (command, user, () => bot.RateAsync(user, movie)),
            "recommend" => (command, user, () => bot.RecommendAsync(user)),
            "why" => (command, user, () => bot.WhyAsync(user, movie)),
            "similar" => (command, user, () => bot.SimilarAsync(user, movie)),
            "feedback" => (command, user, () => bot.FeedbackAsync(user, movie, like: random.Next(3) > 0)),
            _ => (command, user, PartyCall(random, user)),
        };
    }

    private Func<Task<string>> PartyCall(Random random, long host)
    {
        var size = random.Next(3, 9);
        var members = new HashSet<long>();
        while (members.Count < size - 1)
        {
            var member = UserId(_users.Next(random));
            if (member != host)
            {
                members.Add(member);
            }
        }

        long[] invited = [.. members];
        return () => bot.WatchPartyAsync(host, invited);
    }
}
