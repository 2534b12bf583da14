using CineSync.Grains.Interfaces;
using CineSync.Grains.Placement;
using CineSync.Recommender.Engine;
using Orleans.Concurrency;

namespace CineSync.Grains.Model;

/// <summary>Scoring worker on <c>model</c> silos: one activation per core, all sharing the silo's <see cref="ModelHolder"/>.</summary>
[StatelessWorker]
[RequiredSiloRole(SiloRoles.Model)]
[GrainType("model")]
internal sealed class ModelGrain(ModelHolder holder) : Grain, IModelGrain
{
    public async Task<PersonalRanking> RankAsync(PersonalRankingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = await holder.GetVersionAsync(request.ModelVersion);
        var engine = model.Engine;
        var taste = request.Taste;
        var result = engine.Recommend(new RecommendationRequest(EngineMapping.Ratings(taste.Ratings))
        {
            Count = Math.Clamp(request.Count, 1, 100),
            Taste = EngineMapping.Taste(engine, taste),
            ModelWeights = EngineMapping.Weights(engine, taste.WeightMultipliers),
            Filter = EngineMapping.Filter(request.Filter),
            Exclude = taste.Excluded.Count == 0 ? null : taste.Excluded,
            Diversity = Math.Clamp(request.Diversity, 0f, 1f),
        });
        return new PersonalRanking([.. result.Items.Select(EngineMapping.Scored)], result.Personalised, result.ModelVersion, model.Stamp.Version);
    }

    public async Task<TasteVector> FoldInAsync(IReadOnlyList<RatedMovie> ratings)
    {
        var engine = (await holder.GetAsync()).Engine;
        return new TasteVector(engine.Bundle.Version, engine.FoldIn(EngineMapping.Ratings(ratings)));
    }

    public async Task<TitleAssessment> ExplainAsync(TasteSnapshot taste, int movieId)
    {
        ArgumentNullException.ThrowIfNull(taste);
        var engine = (await holder.GetAsync()).Engine;
        var why = engine.ExplainItem(new ItemExplanationRequest(EngineMapping.Ratings(taste.Ratings), movieId)
        {
            Taste = EngineMapping.Taste(engine, taste),
            ModelWeights = EngineMapping.Weights(engine, taste.WeightMultipliers),
            Reasons = 5,
        });
        return EngineMapping.Assessment(why);
    }

    public async Task<IReadOnlyList<SimilarScore>> SimilarAsync(int movieId, int count, TitleFilter? filter)
    {
        var engine = (await holder.GetAsync()).Engine;
        return [.. engine.Similar(movieId, Math.Clamp(count, 1, 100), EngineMapping.Filter(filter)).Select(s => new SimilarScore(s.ItemId, s.Score))];
    }

    public async Task<GroupRanking> RankGroupAsync(GroupRankingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = await holder.GetVersionAsync(request.ModelVersion);
        var engine = model.Engine;
        var members = request.Members.Select(m => new GroupMember(m.UserId, EngineMapping.Ratings(m.Ratings))
        {
            Taste = EngineMapping.Taste(engine, m),
            ModelWeights = EngineMapping.Weights(engine, m.WeightMultipliers),
        }).ToArray();
        var result = engine.RecommendGroup(new GroupRequest(members, EngineMapping.Strategy(request.Strategy))
        {
            Count = Math.Clamp(request.Count, 1, 50),
            Filter = EngineMapping.Filter(request.Filter),
            Exclude = [.. request.Members.SelectMany(m => m.Excluded).Distinct()],
        });
        return new GroupRanking(
            [.. result.Items.Select(p => new GroupScoredTitle(p.ItemId, p.Score, [.. p.Members.Select(s => new MemberFit(s.MemberId, s.Percentile, s.PredictedRating))]))],
            request.Strategy,
            result.ModelVersion,
            model.Stamp.Version);
    }

    public async Task<ModelInfo> GetInfoAsync()
    {
        var model = await holder.GetAsync();
        var bundle = model.Engine.Bundle;
        return new ModelInfo(model.Stamp, bundle.ModelNames, bundle.GlobalWeights, bundle.ItemCount, bundle.Metrics);
    }
}
