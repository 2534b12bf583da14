using System.Buffers.Binary;
using CineSync.Recommender.Bundle;
using CineSync.Recommender.Data;
using CineSync.Recommender.Engine;

namespace CineSync.Recommender.Tests.Bundle;

public sealed class ModelBundleTests
{
    private static readonly UserRating[] ThrillerFan = [new(100, 5f), new(101, 5f), new(102, 4f)];

    [Fact]
    public void A_saved_bundle_loads_back_and_scores_identically()
    {
        var original = SyntheticWorld.Bundle;
        var loaded = ModelBundle.Load(Save(original));

        var before = new RecommenderEngine(original).Recommend(new RecommendationRequest(ThrillerFan));
        var after = new RecommenderEngine(loaded).Recommend(new RecommendationRequest(ThrillerFan));

        Assert.Equal(original.Version, loaded.Version);
        Assert.Equal(original.ItemIds, loaded.ItemIds);
        Assert.Equal(original.GlobalWeights, loaded.GlobalWeights);
        Assert.Equal(before.Items.Select(i => (i.ItemId, i.Score)), after.Items.Select(i => (i.ItemId, i.Score)));
    }

    [Fact]
    public void A_bundle_with_a_flipped_byte_is_refused_as_corrupt()
    {
        var bytes = Save(SyntheticWorld.Bundle);
        bytes[bytes.Length / 2] ^= 0x40;

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(bytes, "flipped"));
        Assert.Contains("checksum", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_truncated_bundle_is_refused()
    {
        var bytes = Save(SyntheticWorld.Bundle);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(bytes.AsSpan(0, bytes.Length - 10), "short"));
        Assert.Contains("truncated", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_bundle_of_another_format_version_is_refused_with_both_versions_named()
    {
        var bytes = Save(SyntheticWorld.Bundle);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), ModelBundle.FormatVersion + 1);

        var error = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(bytes, "future"));
        Assert.Contains($"version {ModelBundle.FormatVersion + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {ModelBundle.FormatVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_bundle_is_refused()
        => Assert.Throws<ModelBundleException>(() => ModelBundle.Load("userId,movieId\n1,2\n"u8, "csv"));

    [Fact]
    public void Saving_to_a_path_replaces_the_file_atomically()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cinesync-{Guid.NewGuid():N}.bundle");
        try
        {
            SyntheticWorld.Bundle.Save(path);
            SyntheticWorld.Bundle.Save(path);
            Assert.Equal(SyntheticWorld.Bundle.Version, ModelBundle.Load(path).Version);
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Save(ModelBundle bundle)
    {
        using var stream = new MemoryStream();
        bundle.Save(stream);
        return stream.ToArray();
    }
}
