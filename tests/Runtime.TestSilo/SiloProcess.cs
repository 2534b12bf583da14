using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CineSync.Runtime.TestSiloApp;

/// <summary>This program started as a child process (for multi-process tests and benches), killable with SIGKILL.</summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(string name, Process process, int gatewayPort)
    {
        Name = name;
        _process = process;
        GatewayPort = gatewayPort;
    }

    /// <summary>The silo's name.</summary>
    public string Name { get; }

    /// <summary>The gateway port it bound.</summary>
    public int GatewayPort { get; }

    /// <summary>Starts a silo process and waits until it has joined the cluster.</summary>
    public static async Task<SiloProcess> StartAsync(string connectionString, string clusterId, string name, string roles = "", CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { typeof(SiloProcess).Assembly.Location, $"--ConnectionString={connectionString}", $"--ClusterId={clusterId}", $"--Name={name}", $"--Roles={roles}" })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("The silo process did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
        {
            if (line.StartsWith("READY ", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return new SiloProcess(name, process, int.Parse(line.AsSpan(6), CultureInfo.InvariantCulture));
            }
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var exitCode = process.ExitCode;
        process.Dispose();
        throw new InvalidOperationException($"Silo process {name} exited before it was ready (exit code {exitCode}).");
    }

    /// <summary>
    /// Waits until <paramref name="count"/> silos are active in the table, then one more heartbeat round
    /// (default settings: each silo reads the table every second) so that every silo has seen every other.
    /// </summary>
    public static async Task WaitForActiveAsync(string connectionString, string clusterId, int count, TimeSpan timeout)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            await using var command = source.CreateCommand("SELECT count(*) FROM cluster_members WHERE cluster_id = @c AND status = 'active'");
            command.Parameters.AddWithValue("c", clusterId);
            if ((long)(await command.ExecuteScalarAsync().ConfigureAwait(false))! == count)
            {
                break;
            }

            if (elapsed.Elapsed > timeout)
            {
                throw new TimeoutException($"{count} silos of cluster {clusterId} did not become active within {timeout}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5)).ConfigureAwait(false);
    }

    /// <summary>SIGKILL: no shutdown, no deactivation; the kernel resets its sockets.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }
}
