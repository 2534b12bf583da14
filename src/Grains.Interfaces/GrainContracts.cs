using System.Text.Json;
using System.Text.Json.Serialization;
using CineSync.Runtime.Serialization;

namespace CineSync.Grains.Interfaces;

/// <summary>Registers the grain contracts' source-generated JSON metadata. Call once at start-up on the client (bot) and the silo.</summary>
public static class GrainContracts
{
    /// <summary>Adds <see cref="GrainContractsJsonContext"/> to <see cref="GrainSerialization"/>.</summary>
    public static void Register() => GrainSerialization.AddTypeInfoResolver(GrainContractsJsonContext.Default);
}

/// <summary>Source-generated JSON metadata of every record crossing grain calls.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(TitleInfo))]
[JsonSerializable(typeof(IReadOnlyList<TitleMatch>))]
[JsonSerializable(typeof(IReadOnlyList<TrendingTitle>))]
[JsonSerializable(typeof(IReadOnlyList<HiddenGem>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(RatingReceipt))]
[JsonSerializable(typeof(OnboardingPrompt))]
[JsonSerializable(typeof(DeletionReceipt))]
[JsonSerializable(typeof(RecommendationQuery))]
[JsonSerializable(typeof(RecommendationList))]
[JsonSerializable(typeof(TitleExplanation))]
[JsonSerializable(typeof(IReadOnlyList<SimilarTitle>))]
[JsonSerializable(typeof(TasteStats))]
[JsonSerializable(typeof(TasteSnapshot))]
[JsonSerializable(typeof(IReadOnlyList<RatedMovie>))]
[JsonSerializable(typeof(PersonalRankingRequest))]
[JsonSerializable(typeof(PersonalRanking))]
[JsonSerializable(typeof(TasteVector))]
[JsonSerializable(typeof(ScoredTitle))]
[JsonSerializable(typeof(IReadOnlyList<SimilarScore>))]
[JsonSerializable(typeof(TitleFilter))]
[JsonSerializable(typeof(GroupRankingRequest))]
[JsonSerializable(typeof(GroupRanking))]
[JsonSerializable(typeof(ModelVersionStamp))]
[JsonSerializable(typeof(ModelInfo))]
[JsonSerializable(typeof(PartySetup))]
[JsonSerializable(typeof(PartyView))]
public sealed partial class GrainContractsJsonContext : JsonSerializerContext;
