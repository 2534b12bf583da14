using CineSync.Grains.Catalogue;
using CineSync.Grains.Data;
using CineSync.Grains.Diagnostics;
using CineSync.Grains.Experiments;
using CineSync.Grains.Hosting;
using CineSync.Grains.Interfaces;
using CineSync.Grains.OnlineMetrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace CineSync.Grains.Taste;

/// <summary>
/// One Discord user's taste. Ratings are committed to <c>user_ratings</c> (group commit) before a call returns; then the
/// taste vector is recomputed exactly by fold-in and the stats update incrementally. Feedback is appended to
/// <c>feedback</c> and moves the user's ensemble weights; preferences persist through the storage provider.
/// </summary>
[GrainType(GrainTypeName)]
internal sealed partial class UserTasteGrain(
    [PersistentState(UserTasteGrain.StateName, UserTasteGrain.StorageName)] IPersistentState<UserTasteState> state,
    RatingWriter ratingWriter,
    UserDataStore userData,
    CatalogueStore catalogueStore,
    RecommendationMetrics metrics,
    OnlineMetricsWriter onlineMetrics,
    RunningExperiments experiments,
    TimeProvider time,
    IOptions<ClusterOptions> cluster,
    ILogger<UserTasteGrain> logger) : Grain, IUserTasteGrain
{
    /// <summary>The grain type (part of the state rows' key; delete-my-data deletes by it).</summary>
    public const string GrainTypeName = "user-taste";

    /// <summary>
    /// The name of the persisted state. Orleans keys a storage row by state name and grain key, not by grain type
    /// (Orleans #8746), so the name must be unique across grain types: it is the grain type's.
    /// </summary>
    public const string StateName = GrainTypeName;

    /// <summary>The grain storage provider the state lives in.</summary>
    public const string StorageName = CineSyncGrainStorage.Name;

    private readonly RatingBook _ratings = new();
    private readonly TasteStatistics _stats = new();
    private TasteVector? _taste;
    private int _draws;
    private bool _counted;

    private long UserId => this.GetPrimaryKeyLong();

    private bool Personal => _ratings.Count >= TasteRules.PersonalAfter;

    private IModelGrain Model => GrainFactory.GetGrain<IModelGrain>(0);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var catalogue = await catalogueStore.GetAsync(cancellationToken);
        foreach (var rating in await userData.LoadRatingsAsync(UserId, cancellationToken))
        {
            _ratings.Set(rating);
            if (catalogue.Find(rating.MovieId) is { } entry)
            {
                _stats.Apply(entry.Info, rating.Stars, 1);
            }
        }

        _ratings.Compact();
        metrics.UserActive(1, !Personal);
        _counted = true;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_counted)
        {
            metrics.UserActive(-1, !Personal);
            _counted = false;
        }

        return Task.CompletedTask;
    }

    public async Task<RatingReceipt> RateAsync(int movieId, float stars)
    {
        if (!TasteRules.IsValidStars(stars))
        {
            throw new InvalidRatingException($"Ratings are half stars from 0.5 to 5 — {stars.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} isn't one.");
        }

        var title = await FindAsync(movieId);
        var now = time.GetUtcNow();
        await ratingWriter.WriteAsync(UserId, movieId, stars, now);

        // Committed: now the in-memory view follows.
        var wasPersonal = Personal;
        float? previous = null;
        if (_ratings.TryGetValue(movieId, out var old))
        {
            previous = old.Stars;
            _stats.Apply(title, old.Stars, -1);
        }

        _ratings.Set(new RatedMovie(movieId, stars, now.ToUnixTimeSeconds()));
        _stats.Apply(title, stars, 1);
        await RatingsChangedAsync(wasPersonal);
        metrics.Rated();
        onlineMetrics.Outcome(new ShownOutcome(UserId, movieId, ShownOutcome.Rating, stars, now));
        return Receipt(title, stars, previous, wasPersonal);
    }

    public async Task<RatingReceipt> RemoveRatingAsync(int movieId)
    {
        var title = await FindAsync(movieId);
        if (!_ratings.TryGetValue(movieId, out var old))
        {
            return Receipt(title, null, null, Personal);
        }

        await userData.DeleteRatingAsync(UserId, movieId);
        var wasPersonal = Personal;
        _ratings.Remove(movieId);
        _stats.Apply(title, old.Stars, -1);
        await RatingsChangedAsync(wasPersonal);
        return Receipt(title, null, old.Stars, wasPersonal);
    }

    public async Task FeedbackAsync(int movieId, FeedbackKind kind, string? model)
    {
        await FindAsync(movieId);
        var now = time.GetUtcNow();
        await userData.AppendFeedbackAsync(UserId, movieId, kind, model, now);
        onlineMetrics.Outcome(new ShownOutcome(UserId, movieId, FeedbackKinds.ToColumn(kind), null, now));
        var contributions = _shown.Find(movieId)
            ?? (model is null ? null : [new KeyValuePair<string, float>(model, 1f)]);
        if (contributions is not null)
        {
            EnsembleBandit.Credit(state.State, contributions, kind);
        }

        if (kind != FeedbackKind.Like)
        {
            state.State.Excluded.Add(movieId);
        }

        state.State.FeedbackCounts[kind] = state.State.FeedbackCounts.GetValueOrDefault(kind) + 1;
        await state.WriteStateAsync();
        metrics.Feedback(kind, model ?? TopModel(contributions));
    }

    public async Task<OnboardingPrompt> SetFavouriteGenresAsync(IReadOnlyList<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var catalogue = await catalogueStore.GetAsync();
        state.State.FavouriteGenres = [.. catalogue.CanonicalGenres(genres)];
        await state.WriteStateAsync();
        return Onboarding(catalogue, TasteRules.PersonalAfter);
    }

    public async Task<DeletionReceipt> DeleteAllAsync()
    {
        // Lists and outcomes still queued for the online metrics are written first, so the deletion takes them too.
        await onlineMetrics.FlushAsync();
        var receipt = await userData.DeleteEverythingAsync(UserId, cluster.Value.ServiceId, StateName);

        // The rows are gone (state rows included, so no tombstone is left): forget everything and start afresh.
        metrics.UserActive(-1, !Personal);
        _counted = false;
        _ratings.Clear();
        _taste = null;
        _shown.Clear();
        // The state row went with that transaction; this activation's ETag is stale, so it must not write again.
        state.State = new UserTasteState();
        DeactivateOnIdle();
        return receipt;
    }

    private async Task RatingsChangedAsync(bool wasPersonal)
    {
        if (wasPersonal != Personal)
        {
            metrics.ColdStartChanged(!Personal);
        }

        try
        {
            _taste = _ratings.Count == 0 ? null : await Model.FoldInAsync(_ratings.Values);
        }
        catch (ModelNotReadyException)
        {
            // Expected while the first model trains or no model silo is up: not worth a warning per rating.
            _taste = null;
            LogFoldInDeferred(logger, UserId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rating is committed, so the call must succeed: the taste is folded in again before the next ranking.
            _taste = null;
            LogFoldInFailed(logger, UserId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "No model to fold in the taste of user {UserId} yet; folding in at the next ranking")]
    private static partial void LogFoldInDeferred(ILogger logger, long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Folding in the taste of user {UserId} failed; retrying at the next ranking")]
    private static partial void LogFoldInFailed(ILogger logger, long userId, Exception exception);

    private RatingReceipt Receipt(TitleInfo title, float? stars, float? previous, bool wasPersonal) =>
        new(title, stars, previous, _ratings.Count, Personal, Math.Max(0, TasteRules.PersonalAfter - _ratings.Count), Personal && !wasPersonal);

    private async Task<TitleInfo> FindAsync(int movieId)
    {
        var catalogue = await catalogueStore.GetAsync();
        return catalogue.Find(movieId)?.Info ?? throw new UnknownMovieException($"I don't know a movie with id {movieId}.");
    }
}
