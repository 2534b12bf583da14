using CineSync.Recommender.Data;
using CineSync.Recommender.Evaluation;
using CineSync.Recommender.Models;
using CineSync.Recommender.Training;

namespace CineSync.Recommender.Tests.Evaluation;

public sealed class TopListDumpTests
{
    [Fact]
    public void Recall_and_ndcg_recomputed_from_the_dumped_top_lists_match_the_report()
    {
        var split = DataSplitter.Split(SyntheticWorld.Ratings(), SplitKind.Random, 0.2, seed: 4);
        var options = new TrainingOptions(Als: new AlsOptions(Factors: 8, Iterations: 4), EaseHeadSize: 100, Policy: new RatingPolicy(DislikeAtOrBelow: -1f), MaxParallelism: 2);
        var dumped = new List<TopListEntry>();

        var (report, _, _) = EvaluationRun.Run("synthetic", "random", split, SyntheticWorld.Catalog(), options, new EvaluationOptions(K: 5), grid: null, _ => { }, dumped.Add);

        // Independent recomputation: relevant = every test item of the user; ideal DCG over min(K, relevant).
        var relevant = split.Test.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.ItemId).ToHashSet());
        foreach (var model in report.Models)
        {
            var lists = dumped.Where(e => e.Model == model.Model).GroupBy(e => e.UserId).ToList();
            Assert.Equal(model.Metrics.Users, lists.Count);
            double recall = 0, ndcg = 0;
            foreach (var list in lists)
            {
                var wanted = relevant[list.Key];
                var ranked = list.OrderBy(e => e.Rank).Select(e => e.ItemId).ToList();
                Assert.True(ranked.Count <= 5);
                recall += (double)ranked.Count(wanted.Contains) / wanted.Count;
                var dcg = ranked.Select((item, i) => wanted.Contains(item) ? 1 / Math.Log2(i + 2) : 0).Sum();
                var ideal = Enumerable.Range(0, Math.Min(5, wanted.Count)).Sum(i => 1 / Math.Log2(i + 2));
                ndcg += dcg / ideal;
            }

            Assert.Equal(model.Metrics.Recall, recall / lists.Count, 9);
            Assert.Equal(model.Metrics.Ndcg, ndcg / lists.Count, 9);
        }

        Assert.Contains(report.Models, m => m.Model == "ensemble");
    }
}
