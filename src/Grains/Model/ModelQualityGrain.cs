using System.Text.Json;
using CineSync.Grains.Data;
using CineSync.Grains.Interfaces;
using Npgsql;

namespace CineSync.Grains.Model;

/// <summary>Answers the current model's stored quality.</summary>
[GrainType("model-quality")]
internal sealed class ModelQualityGrain(GrainsDatabase database) : Grain, IModelQualityGrain
{
    public Task<ModelQuality> GetCurrentAsync() => ModelQualityReader.ReadCurrentAsync(database);
}

/// <summary>Reads the current model's row of <c>trained_models</c>: its numeric metrics, including those added after training.</summary>
internal static class ModelQualityReader
{
    public static async Task<ModelQuality> ReadCurrentAsync(GrainsDatabase database)
    {
        await using var connection = await database.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT version, coalesce(metrics->>'label', '?'), created_at, metrics::text FROM trained_models WHERE is_current", connection);
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        if (!await reader.ReadAsync().ConfigureAwait(false))
        {
            return new ModelQuality(0, "none", DateTimeOffset.MinValue, new Dictionary<string, double>());
        }

        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        using (var json = JsonDocument.Parse(reader.GetString(3)))
        {
            foreach (var property in json.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number))
            {
                metrics[property.Name] = property.Value.GetDouble();
            }
        }

        return new ModelQuality(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), metrics);
    }
}
