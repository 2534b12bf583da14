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
    public const int FormatVersion = 2;

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
        w.Array<int>(Blend.BucketBounds);
        foreach (var bucket in Blend.BucketWeights)
        {
            w.Array<float>(bucket);
        }

        var pop = (PopularityModel)Models[0];
        var als = (AlsModel)Models[2];
        var content = (ContentModel)Models[4];
        w.Array<float>(pop.Scores);
        WriteNeighbours(w, (ItemKnnModel)Models[1]);
        w.Int(als.Factors);
        w.Float(als.Regularization);
        w.Float(als.Alpha);
        w.Float(als.FrequencyExponent);
        w.Float(als.MeanMass);
        w.Array<float>(als.ItemFactors);
        WriteItemItem(w, (EaseModel)Models[3]);
        w.Int(content.FeatureCount);
        w.Array<int>(content.Pointers);
        w.Array<int>(content.Features);
        w.Array<float>(content.Values);
        WriteItemItem(w, (EaseModel)Models[5]);
        WriteNeighbours(w, (ItemKnnModel)Models[6]);
    }

    private static void WriteNeighbours(BlockWriter w, ItemKnnModel model)
    {
        w.Array<int>(model.Pointers);
        w.Array<int>(model.Neighbours);
        w.Array<float>(model.Similarities);
    }

    private static ItemKnnModel ReadNeighbours(ref BlockReader r, string name) => new(r.Array<int>(), r.Array<int>(), r.Array<float>(), name);

    /// <summary>Dense item-item weights as float16 (they were rounded to float16 at fit time, so nothing is lost).</summary>
    private static void WriteItemItem(BlockWriter w, EaseModel model)
    {
        w.Array<int>(model.HeadItems);
        var half = new Half[model.Weights.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(model.Weights, half);
        w.Array<Half>(half);
    }

    private static EaseModel ReadItemItem(ref BlockReader r, int itemCount, string name)
    {
        var head = r.Array<int>();
        var half = r.Array<Half>();
        var weights = new float[half.Length];
        System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(half, weights);
        return new EaseModel(itemCount, head, weights, name);
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
        var bounds = r.Array<int>();
        var buckets = new float[bounds.Length][];
        for (var b = 0; b < buckets.Length; b++)
        {
            buckets[b] = r.Array<float>();
        }

        var pop = new PopularityModel(r.Array<float>());
        var knn = ReadNeighbours(ref r, "knn");
        var factors = r.Int();
        var regularization = r.Float();
        var alpha = r.Float();
        var frequencyExponent = r.Float();
        var meanMass = r.Float();
        var als = new AlsModel(factors, r.Array<float>(), regularization, alpha, policy, frequencyExponent, meanMass);
        var ease = ReadItemItem(ref r, items.Count, "ease");
        var content = new ContentModel(r.Int(), r.Array<int>(), r.Array<int>(), r.Array<float>());
        var edlae = ReadItemItem(ref r, items.Count, "edlae");
        var rp3 = ReadNeighbours(ref r, Rp3BetaModel.Name);
        if (!r.AtEnd)
        {
            throw new ModelBundleException("Model bundle is corrupt: unexpected bytes after the last section.");
        }

        IScoringModel[] models = [pop, knn, als, ease, content, edlae, rp3];
        var blend = new BlendWeights(weights, bounds, buckets);
        Validate(items.Count, facts, blend, models.Length, pop, [knn, rp3], als, [ease, edlae], content);
        return new ModelBundle(version, created, metrics, items, facts, policy, models, blend);
    }

    private static void Validate(int n, ItemFacts facts, BlendWeights blend, int models, PopularityModel pop, ItemKnnModel[] neighbours, AlsModel als, EaseModel[] itemItem, ContentModel content)
    {
        var ok = facts.RatingCounts.Length == n && facts.Years.Length == n && facts.GenreMasks.Length == n
            && blend.Weights.Length == models && blend.BucketWeights.All(b => b.Length == models) && pop.Scores.Length == n
            && neighbours.All(knn => knn.Pointers.Length == n + 1 && knn.Neighbours.Length == knn.Pointers[n] && knn.Similarities.Length == knn.Neighbours.Length
                && knn.Neighbours.All(j => (uint)j < (uint)n))
            && als.Factors > 0 && als.ItemFactors.Length == n * als.Factors
            && itemItem.All(ease => ease.Weights.Length == ease.HeadSize * ease.HeadSize && ease.HeadItems.All(j => (uint)j < (uint)n))
            && content.Pointers.Length == n + 1 && content.Features.Length == content.Pointers[n]
            && content.Features.All(f => (uint)f < (uint)content.FeatureCount);
        if (!ok)
        {
            throw new ModelBundleException("Model bundle is inconsistent: section sizes do not match the item count.");
        }
    }
}
