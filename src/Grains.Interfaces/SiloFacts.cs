namespace CineSync.Grains.Interfaces;

/// <summary>What one silo reports about itself (<see cref="ISiloFactsGrain"/>).</summary>
/// <param name="SiloName">The silo's name (<c>Silo:Name</c>).</param>
/// <param name="SiloAddress">Its address as Orleans writes it (<c>ip:port@generation</c>).</param>
/// <param name="Roles">Its roles, from the silo metadata key <c>role</c>.</param>
/// <param name="Model">The model this silo's scorers use now; null on silos without the <c>model</c> role and before the first load.</param>
/// <param name="Window">How far back <paramref name="Ratings"/> and <paramref name="Feedback"/> look.</param>
/// <param name="Ratings">Ratings committed by user grains on this silo within <paramref name="Window"/>.</param>
/// <param name="RatingsPerMinute"><paramref name="Ratings"/> ÷ the minutes of <paramref name="Window"/>: the window's average.</param>
/// <param name="ActiveUsers">User taste grains in memory on this silo now.</param>
/// <param name="ColdStartUsers">Of them, those with too few ratings for personal models.</param>
/// <param name="Feedback">Feedback on recommendations within <paramref name="Window"/>, per model credited with the pick.</param>
/// <param name="SampledAt">When the silo read these figures.</param>
/// <param name="Refusals">Grain calls within <paramref name="Window"/> that refused bad input (an unknown title, invalid stars): the member's doing, not a fault.</param>
/// <param name="Failures">Grain calls within <paramref name="Window"/> that failed for any other reason: faults worth a look.</param>
[GenerateSerializer, Immutable, Alias("cinesync.SiloFacts")]
public sealed record SiloFacts(
    [property: Id(0)] string SiloName,
    [property: Id(1)] string SiloAddress,
    [property: Id(2)] IReadOnlyList<string> Roles,
    [property: Id(3)] ServedModel? Model,
    [property: Id(4)] TimeSpan Window,
    [property: Id(5)] long Ratings,
    [property: Id(6)] double RatingsPerMinute,
    [property: Id(7)] long ActiveUsers,
    [property: Id(8)] long ColdStartUsers,
    [property: Id(9)] IReadOnlyList<ModelFeedback> Feedback,
    [property: Id(10)] DateTimeOffset SampledAt,
    [property: Id(11)] long Refusals = 0,
    [property: Id(12)] long Failures = 0);

/// <summary>A trained model as a silo serves it.</summary>
/// <param name="Version">The <c>trained_models.version</c>.</param>
/// <param name="Label">The bundle's version label.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="OfflineMetrics">The metrics measured when it was trained, as stored with it in <c>trained_models.metrics</c>:
/// validation NDCG per model when training tuned (<c>silo train</c>), and <c>train_seconds_*</c> always.</param>
/// <param name="Titles">Titles the model can score.</param>
[GenerateSerializer, Immutable, Alias("cinesync.ServedModel")]
public sealed record ServedModel(
    [property: Id(0)] int Version,
    [property: Id(1)] string Label,
    [property: Id(2)] DateTimeOffset TrainedAt,
    [property: Id(3)] IReadOnlyDictionary<string, double> OfflineMetrics,
    [property: Id(4)] int Titles);

/// <summary>Feedback counts for the picks of one model.</summary>
/// <param name="Model">The model credited with the pick (<c>als</c>, <c>ease</c>, …; <c>unknown</c> when none was).</param>
/// <param name="Likes">👍.</param>
/// <param name="Dislikes">👎.</param>
/// <param name="NotInterested">"Not interested".</param>
/// <param name="Watched">"Already watched".</param>
[GenerateSerializer, Immutable, Alias("cinesync.ModelFeedback")]
public sealed record ModelFeedback(
    [property: Id(0)] string Model,
    [property: Id(1)] long Likes,
    [property: Id(2)] long Dislikes,
    [property: Id(3)] long NotInterested,
    [property: Id(4)] long Watched);
