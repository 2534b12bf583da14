using System.Text.Json;
using CineSync.Dashboard;
using CineSync.Database.Hosting;
using Npgsql;

namespace CineSync.Silo.Hosting;

/// <summary>Tells the dashboard which trained model is current and its offline metrics, from <c>trained_models</c>.</summary>
internal sealed class CurrentModelInfo(IDatabaseEndpoint database) : IModelInfoSource
{
    public async ValueTask<ModelInfo?> GetCurrentModelAsync(CancellationToken cancellationToken)
    {
        if (!database.IsReady)
        {
            return null;
        }

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT version, created_at, metrics::text FROM trained_models WHERE is_current", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var metrics = new Dictionary<string, double>();
        using (var document = JsonDocument.Parse(reader.GetString(2)))
        {
            Flatten(document.RootElement, prefix: null, metrics);
        }

        return new ModelInfo($"v{reader.GetInt32(0)}", reader.GetFieldValue<DateTimeOffset>(1), metrics);
    }

    /// <summary>Keeps every number of the stored metrics, named by its path ("ensemble.ndcg@10").</summary>
    private static void Flatten(JsonElement element, string? prefix, Dictionary<string, double> into)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                into[prefix ?? "value"] = element.GetDouble();
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, prefix is null ? property.Name : $"{prefix}.{property.Name}", into);
                }

                break;
        }
    }
}
