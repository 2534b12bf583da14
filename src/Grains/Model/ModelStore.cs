using System.Security.Cryptography;
using System.Text.Json;
using CineSync.Grains.Data;
using CineSync.Grains.Interfaces;
using CineSync.Recommender.Bundle;
using Npgsql;

namespace CineSync.Grains.Model;

/// <summary>The <c>trained_models</c> table: stores bundles with a SHA-256 checksum, marks one current, loads them back.</summary>
internal sealed class ModelStore(GrainsDatabase database)
{
    /// <summary>The current version, or <see cref="ModelVersionStamp.None"/>.</summary>
    public async Task<ModelVersionStamp> GetCurrentAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT version, metrics->>'label', created_at FROM trained_models WHERE is_current", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ModelVersionStamp(reader.GetInt32(0), reader.IsDBNull(1) ? "?" : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2))
            : ModelVersionStamp.None;
    }

    /// <summary>Stores a bundle as the next version and makes it current, in one transaction.</summary>
    public Task<ModelVersionStamp> SaveAsync(ModelBundle bundle, CancellationToken cancellationToken = default) => SaveAsync(bundle, makeCurrent: true, cancellationToken);

    /// <summary>Stores a bundle as the next version without making it current: a candidate for an experiment.</summary>
    public Task<ModelVersionStamp> SaveCandidateAsync(ModelBundle bundle, CancellationToken cancellationToken = default) => SaveAsync(bundle, makeCurrent: false, cancellationToken);

    private async Task<ModelVersionStamp> SaveAsync(ModelBundle bundle, bool makeCurrent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        byte[] artifact;
        using (var buffer = new MemoryStream())
        {
            bundle.Save(buffer);
            artifact = buffer.ToArray();
        }

        var metrics = new Dictionary<string, object> { ["label"] = bundle.Version, ["items"] = bundle.ItemCount };
        foreach (var (name, value) in bundle.Metrics)
        {
            metrics[name] = value;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var clear = new NpgsqlCommand(makeCurrent ? "LOCK TABLE trained_models IN EXCLUSIVE MODE; UPDATE trained_models SET is_current = false WHERE is_current" : "LOCK TABLE trained_models IN EXCLUSIVE MODE", connection, transaction))
        {
            await clear.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = new NpgsqlCommand("""
            INSERT INTO trained_models (version, created_at, metrics, checksum, artifact, is_current)
            SELECT coalesce(max(version), 0) + 1, @created, @metrics::jsonb, @checksum, @artifact, @current FROM trained_models
            RETURNING version
            """, connection, transaction);
        insert.Parameters.AddWithValue("created", bundle.CreatedAt);
        insert.Parameters.AddWithValue("metrics", JsonSerializer.Serialize(metrics, GrainsJsonContext.Default.DictionaryStringObject));
        insert.Parameters.AddWithValue("checksum", Convert.ToHexStringLower(SHA256.HashData(artifact)));
        insert.Parameters.AddWithValue("artifact", artifact);
        insert.Parameters.AddWithValue("current", makeCurrent);
        var version = (int)(await insert.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ModelVersionStamp(version, bundle.Version, bundle.CreatedAt);
    }

    /// <summary>Marks a stored version current; false when no such version exists.</summary>
    public async Task<bool> PublishAsync(int version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            LOCK TABLE trained_models IN EXCLUSIVE MODE;
            UPDATE trained_models SET is_current = false WHERE is_current AND EXISTS (SELECT 1 FROM trained_models WHERE version = @v);
            UPDATE trained_models SET is_current = true WHERE version = @v;
            """, connection, transaction);
        command.Parameters.AddWithValue("v", version);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>Loads a stored bundle, verifying its checksum.</summary>
    public async Task<ModelBundle> LoadAsync(int version, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT checksum, artifact FROM trained_models WHERE version = @v", connection);
        command.Parameters.AddWithValue("v", version);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Trained model version {version} does not exist.");
        }

        var checksum = reader.GetString(0);
        var artifact = reader.GetFieldValue<byte[]>(1);
        if (!string.Equals(checksum, Convert.ToHexStringLower(SHA256.HashData(artifact)), StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Trained model version {version} fails its checksum.");
        }

        return ModelBundle.Load(artifact, $"trained_models version {version}");
    }
}
