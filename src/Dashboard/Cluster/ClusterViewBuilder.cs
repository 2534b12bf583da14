using CineSync.Dashboard.Api;
using CineSync.Grains.Interfaces;

namespace CineSync.Dashboard.Cluster;

/// <summary>Adds up silos' facts into the page's view. Pure, so the sums are tested without a cluster.</summary>
internal static class ClusterViewBuilder
{
    public static ClusterView Build(DateTimeOffset sampledAt, IReadOnlyList<SiloReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var answered = readings.Where(r => r.Facts is not null).Select(r => r.Facts!).ToArray();
        var models = answered
            .SelectMany(f => f.Feedback)
            .GroupBy(f => f.Model, StringComparer.Ordinal)
            .Select(g => Feedback(g.Key, g.Sum(f => f.Likes), g.Sum(f => f.Dislikes), g.Sum(f => f.NotInterested), g.Sum(f => f.Watched)))
            .OrderByDescending(m => m.Likes + m.Dislikes)
            .ThenBy(m => m.Model, StringComparer.Ordinal)
            .ToArray();
        var likes = models.Sum(m => m.Likes);
        var dislikes = models.Sum(m => m.Dislikes);
        var totals = new ClusterTotals(
            readings.Count,
            answered.Length,
            answered.Length == 0 ? 0 : answered.Max(f => f.Window.TotalSeconds),
            answered.Sum(f => f.Ratings),
            answered.Sum(f => f.RatingsPerMinute),
            answered.Sum(f => f.ActiveUsers),
            answered.Sum(f => f.ColdStartUsers),
            likes,
            dislikes,
            Share(likes, dislikes),
            answered.Sum(f => f.Refusals),
            answered.Sum(f => f.Failures));
        var served = answered.Where(f => f.Model is not null).ToArray();
        var newest = served.Select(f => f.Model!).MaxBy(m => m.Version);
        var current = newest is null
            ? null
            : new CurrentModelView(
                newest.Version,
                newest.Label,
                newest.TrainedAt,
                newest.OfflineMetrics,
                newest.Titles,
                [.. served.Where(f => f.Model!.Version == newest.Version).Select(f => f.SiloName).Order(StringComparer.Ordinal)]);
        var versions = served.Select(f => f.Model!).DistinctBy(m => m.Version).OrderByDescending(m => m.Version).Select(m => m.Label).ToArray();
        return new ClusterView(sampledAt, totals, models, current, versions, [.. readings.Select(Row)]);
    }

    private static SiloView Row(SiloReading reading)
    {
        var member = reading.Member;
        if (reading.Facts is not { } facts)
        {
            return new SiloView(member.Name, member.Address, member.StartedAt, false, reading.Error ?? "no answer", [], null, null, 0, 0, 0, 0, 0, 0, 0, null);
        }

        var likes = facts.Feedback.Sum(f => f.Likes);
        var dislikes = facts.Feedback.Sum(f => f.Dislikes);
        return new SiloView(
            facts.SiloName,
            member.Address,
            member.StartedAt,
            true,
            null,
            facts.Roles,
            facts.Model?.Label,
            facts.Model?.Version,
            facts.Window.TotalSeconds,
            facts.Ratings,
            facts.RatingsPerMinute,
            facts.ActiveUsers,
            facts.ColdStartUsers,
            likes,
            dislikes,
            Share(likes, dislikes));
    }

    private static ModelFeedbackView Feedback(string model, long likes, long dislikes, long notInterested, long watched) =>
        new(model, likes, dislikes, notInterested, watched, Share(likes, dislikes));

    private static double? Share(long likes, long dislikes) => likes + dislikes == 0 ? null : (double)likes / (likes + dislikes);
}
