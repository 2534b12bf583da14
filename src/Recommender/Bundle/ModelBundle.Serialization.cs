using System.Buffers.Binary;
using System.Security.Cryptography;
using CineSync.Recommender.Data;
using CineSync.Recommender.Models;

namespace CineSync.Recommender.Bundle;

/// <content>
/// File format: magic "CSMB", format version (int32), payload length (int64), SHA-256 of the payload (32 bytes),
/// then the payload (little-endian sections in a fixed order). A file is refused unless all four check out.
/// </content>
public sealed partial class ModelBundle
{
    /// <summary>The bundle format this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private const int HeaderSize = 4 + 4 + 8 + 32;
    private static ReadOnlySpan<byte> Magic => "CSMB"u8;

    /// <summary>Writes the bundle to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public void Save(string path)
    {
        var temporary = path + ".tmp";
        using (var file = File.Create(temporary))
        {
            Save(file);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Writes the bundle to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        WritePayload(new BlockWriter(payload));
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Span<byte> header = stackalloc byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], FormatVersion);
        BinaryPrimitives.WriteInt64LittleEndian(header[8..], bytes.Length);
        SHA256.HashData(bytes, header[16..]);
        stream.Write(header);
        stream.Write(bytes);
    }

    /// <summary>Reads a bundle; throws <see cref="ModelBundleException"/> for a corrupt, truncated or mismatched file.</summary>
    public static ModelBundle Load(string path) => Load(File.ReadAllBytes(path), path);

    /// <summary>Reads a bundle from its bytes; throws <see cref="ModelBundleException"/> when they are not a valid bundle.</summary>
    public static ModelBundle Load(ReadOnlySpan<byte> file, string source = "model bundle")
    {
        if (file.Length < HeaderSize || !file[..4].SequenceEqual(Magic))
        {
            throw new ModelBundleException($"'{source}' is not a CineSync model bundle (bad magic number).");
        }

        var version = BinaryPrimitives.ReadInt32LittleEndian(file[4..]);
        if (version != FormatVersion)
        {
            throw new ModelBundleException($"'{source}' has bundle format version {version}; this build reads version {FormatVersion}. Retrain the model with this build.");
        }

        var length = BinaryPrimitives.ReadInt64LittleEndian(file[8..]);
        if (length != file.Length - HeaderSize)
        {
            throw new ModelBundleException($"'{source}' is truncated or padded: header says {length} payload bytes, file has {file.Length - HeaderSize}.");
        }

        var payload = file[HeaderSize..];
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        if (!hash.SequenceEqual(file.Slice(16, 32)))
        {
            throw new ModelBundleException($"'{source}' is corrupt: SHA-256 checksum mismatch.");
        }

        var reader = new BlockReader(payload);
        return ReadPayload(ref reader);
    }

    private void WritePayload(BlockWriter w)
    {
        w.String(Version);
        w.Long(CreatedAt.ToUnixTimeMilliseconds());
        w.Int(Metrics.Count);
        foreach (var (name, value) in Metrics)
        {
            w.String(name);
            w.Double(value);
        }

        w.Array<int>(Items.ExternalIds.ToArray());
        w.Array<int>(Facts.RatingCounts);
        w.Array<short>(Facts.Years);
        w.Array<ulong>(Facts.GenreMasks);
        w.String(string.Join('\n', Facts.Genres));
        w.Float(Policy.DislikeAtOrBelow);
        w.Float(Policy.DislikeWeight);
        w.Float(Policy.MaxRating);
        w.Float(Policy.RecencyHalfLife);
        w.Array<float>(Weights);

        var pop = (PopularityModel)Models[0];
        var knn = (ItemKnnModel)Models[1];
        var als = (AlsModel)Models[2];
        var ease = (EaseModel)Models[3];
        var content = (ContentModel)Models[4];
        w.Array<float>(pop.Scores);
        w.Array<int>(knn.Pointers);
        w.Array<int>(knn.Neighbours);
        w.Array<float>(knn.Similarities);
        w.Int(als.Factors);
        w.Float(als.Regularization);
        w.Float(als.Alpha);
        w.Array<float>(als.ItemFactors);
        w.Array<int>(ease.HeadItems);
        var half = new Half[ease.Weights.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(ease.Weights, half);
        w.Array<Half>(half);
        w.Int(content.FeatureCount);
        w.Array<int>(content.Pointers);
        w.Array<int>(content.Features);
        w.Array<float>(content.Values);
    }

    private static ModelBundle ReadPayload(ref BlockReader r)
    {
        var version = r.String();
        var created = DateTimeOffset.FromUnixTimeMilliseconds(r.Long());
        var metrics = new Dictionary<string, double>();
        for (var count = r.Int(); count > 0; count--)
        {
            metrics[r.String()] = r.Double();
        }

        var items = new IdMap<int>(r.Array<int>());
        var facts = new ItemFacts(r.Array<int>(), r.Array<short>(), r.Array<ulong>(), r.String().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var policy = new RatingPolicy(r.Float(), r.Float(), r.Float(), r.Float());
        var weights = r.Array<float>();
        var pop = new PopularityModel(r.Array<float>());
        var knn = new ItemKnnModel(r.Array<int>(), r.Array<int>(), r.Array<float>());
        var factors = r.Int();
        var regularization = r.Float();
        var alpha = r.Float();
        var als = new AlsModel(factors, r.Array<float>(), regularization, alpha, policy);
        var head = r.Array<int>();
        var half = r.Array<Half>();
        var easeWeights = new float[half.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(half, easeWeights);
        var ease = new EaseModel(items.Count, head, easeWeights);
        var content = new ContentModel(r.Int(), r.Array<int>(), r.Array<int>(), r.Array<float>());
        if (!r.AtEnd)
        {
            throw new ModelBundleException("Model bundle is corrupt: unexpected bytes after the last section.");
        }

        Validate(items.Count, facts, weights, pop, knn, als, ease, content);
        return new ModelBundle(version, created, metrics, items, facts, policy, [pop, knn, als, ease, content], weights);
    }

    private static void Validate(int n, ItemFacts facts, float[] weights, PopularityModel pop, ItemKnnModel knn, AlsModel als, EaseModel ease, ContentModel content)
    {
        var ok = facts.RatingCounts.Length == n && facts.Years.Length == n && facts.GenreMasks.Length == n
            && weights.Length == 5 && pop.Scores.Length == n
            && knn.Pointers.Length == n + 1 && knn.Neighbours.Length == knn.Pointers[n] && knn.Similarities.Length == knn.Neighbours.Length
            && knn.Neighbours.All(j => (uint)j < (uint)n)
            && als.Factors > 0 && als.ItemFactors.Length == n * als.Factors
            && ease.Weights.Length == ease.HeadSize * ease.HeadSize && ease.HeadItems.All(j => (uint)j < (uint)n)
            && content.Pointers.Length == n + 1 && content.Features.Length == content.Pointers[n]
            && content.Features.All(f => (uint)f < (uint)content.FeatureCount);
        if (!ok)
        {
            throw new ModelBundleException("Model bundle is inconsistent: section sizes do not match the item count.");
        }
    }
}
