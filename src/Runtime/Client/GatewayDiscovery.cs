using System.Net;
using Npgsql;

namespace CineSync.Runtime.Client;

/// <summary>
/// The gateways a client may connect to: the active silos with a gateway in the membership table (in a
/// random order, so clients spread over them), then the statically configured ones.
/// </summary>
internal static class GatewayDiscovery
{
    public static async Task<IReadOnlyList<IPEndPoint>> ListAsync(ClusterClientOptions options, CancellationToken cancellationToken)
    {
        if (options.MembershipConnectionString is not { } connectionString)
        {
            return [.. options.Gateways];
        }

        var found = new List<IPEndPoint>();
        try
        {
            await using var connection = new NpgsqlConnection(await connectionString(cancellationToken).ConfigureAwait(false));
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                """
                SELECT address, gateway_port FROM cluster_members
                WHERE cluster_id = @c AND status = 'active' AND gateway_port IS NOT NULL
                """, connection);
            command.Parameters.AddWithValue("c", options.ClusterId ?? "default");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (IPAddress.TryParse(reader.GetString(0), out var address))
                {
                    found.Add(new IPEndPoint(address, reader.GetInt32(1)));
                }
            }
        }
        catch (NpgsqlException exception)
        {
            if (options.Gateways.Count == 0)
            {
                throw new SiloUnavailableException($"The membership table could not be read: {exception.Message}", exception);
            }
        }

#pragma warning disable CA5394 // spreading clients over gateways needs no secure randomness
        Random.Shared.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found));
#pragma warning restore CA5394
        found.AddRange(options.Gateways.Where(g => !found.Contains(g)));
        return found;
    }
}
