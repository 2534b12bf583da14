using Npgsql;

namespace CineSync.Testing.Cluster;

/// <summary>One silo incarnation's row in Orleans' membership table (<c>orleans_membership</c>, sql/0002).</summary>
/// <param name="SiloName">The silo's name (<c>Silo:Name</c>).</param>
/// <param name="Port">Its silo-to-silo port.</param>
/// <param name="Generation">Its incarnation.</param>
/// <param name="Status">Orleans' SiloStatus: 2 Joining, 3 Active, 4 ShuttingDown, 5 Stopping, 6 Dead.</param>
/// <param name="ProxyPort">Its client gateway port (0: none).</param>
public sealed record MemberRow(string SiloName, int Port, int Generation, int Status, int ProxyPort)
{
    /// <summary>Orleans' SiloStatus.Active.</summary>
    public const int Active = 3;

    /// <summary>Orleans' SiloStatus.Dead.</summary>
    public const int Dead = 6;

    /// <summary>The status by name.</summary>
    public string StatusName => Status switch
    {
        2 => "Joining",
        Active => "Active",
        4 => "ShuttingDown",
        5 => "Stopping",
        Dead => "Dead",
        _ => Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public override string ToString() => $"{SiloName}:{Port}@{Generation}={StatusName}";
}

/// <summary>Reads the membership table the silos and the bot share, as an observer independent of the processes.</summary>
public static class MembershipTable
{
    /// <summary>Every row of <paramref name="clusterId"/>, newest incarnation first per port.</summary>
    public static async Task<IReadOnlyList<MemberRow>> ReadAsync(string connectionString, string clusterId, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("""
            SELECT silo_name, port, generation, status, proxy_port
              FROM orleans_membership
             WHERE deployment_id = @cluster
             ORDER BY port, generation DESC
            """, connection);
        command.Parameters.AddWithValue("cluster", clusterId);
        var rows = new List<MemberRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new MemberRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4)));
        }

        return rows;
    }

    /// <summary>
    /// Polls the table until <paramref name="condition"/> holds and returns those rows; throws after
    /// <paramref name="safetyTimeout"/> with the rows last seen.
    /// </summary>
    public static async Task<IReadOnlyList<MemberRow>> WaitUntilAsync(
        string connectionString, string clusterId, Func<IReadOnlyList<MemberRow>, bool> condition, TimeSpan safetyTimeout, string what,
        CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(safetyTimeout);
        IReadOnlyList<MemberRow> rows = [];
        try
        {
            while (true)
            {
                rows = await ReadAsync(connectionString, clusterId, timeout.Token).ConfigureAwait(false);
                if (condition(rows))
                {
                    return rows;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The membership table of '{clusterId}' did not show {what} within the safety timeout of {safetyTimeout.TotalSeconds:0} s; last seen: {string.Join(", ", rows)}");
        }
    }
}
