using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CineSync.Testing.Cluster;

/// <summary>What one silo of a test cluster is: its name and its roles (<c>Silo:Roles</c>).</summary>
public sealed record SiloLaunch(string Name, string Roles);

/// <summary>
/// The real CineSync silo (<c>src/Silo</c>) as its own process, joined to a cluster through the membership table in
/// PostgreSQL, on free loopback ports. Its console log is kept single-line with timestamps, so a failure message or a
/// report can line up what the silo said with what the test did.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Stopwatch _sinceStart;

    private SiloProcess(SiloLaunch launch, ChildProcess process, int[] ports, Stopwatch sinceStart)
    {
        Launch = launch;
        Process = process;
        (SiloPort, GatewayPort, HttpPort, DashboardPort) = (ports[0], ports[1], ports[2], ports[3]);
        _sinceStart = sinceStart;
    }

    public SiloLaunch Launch { get; }

    public string Name => Launch.Name;

    public ChildProcess Process { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int HttpPort { get; }

    public int DashboardPort { get; }

    /// <summary>How long after the start its <c>/health</c> first answered 200 (a figure, never asserted).</summary>
    public TimeSpan? HealthyAfter { get; private set; }

    /// <summary>The time since the process was started.</summary>
    public TimeSpan Age => _sinceStart.Elapsed;

    /// <summary>
    /// Starts <paramref name="siloDll"/> as silo <paramref name="launch"/> of <paramref name="clusterId"/> over
    /// <paramref name="connectionString"/>; <paramref name="extraArguments"/> come last and so win.
    /// </summary>
    public static SiloProcess Start(
        string siloDll, string connectionString, string clusterId, SiloLaunch launch, string? logDirectory = null, IEnumerable<string>? extraArguments = null)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var ports = DistinctFreePorts(4);
        string P(int port) => port.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            $"--Silo:ClusterId={clusterId}",
            $"--Silo:Name={launch.Name}",
            $"--Silo:Roles={launch.Roles}",
            $"--Silo:SiloPort={P(ports[0])}",
            $"--Silo:GatewayPort={P(ports[1])}",
            $"--Silo:HttpPort={P(ports[2])}",
            $"--Dashboard:Port={P(ports[3])}",
            $"--ConnectionStrings:CineSync={connectionString}",
            // One line per entry, with a timestamp, so the kill can be found in the log.
            "--Logging:Console:FormatterName=simple",
            "--Logging:Console:FormatterOptions:SingleLine=true",
            "--Logging:Console:FormatterOptions:TimestampFormat=HH:mm:ss.fff ",
            .. extraArguments ?? [],
        ];
        var clock = Stopwatch.StartNew();
        var process = ChildProcess.Start($"silo-{launch.Name}", siloDll, arguments, WorkingDirectory(), logDirectory);
        return new SiloProcess(launch, process, ports, clock);
    }

    /// <summary>Waits until <c>GET /health</c> answers 200; throws if the process exits first or the safety timeout passes.</summary>
    public async Task WaitHealthyAsync(TimeSpan safetyTimeout, CancellationToken cancellationToken = default)
    {
        var deadline = Stopwatch.StartNew();
        var url = new Uri($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}/health");
        var last = "no answer yet";
        while (deadline.Elapsed < safetyTimeout)
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited before /health answered.{Environment.NewLine}{Process.Tail()}");
            }

            try
            {
                using var response = await Http.GetAsync(url, cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    HealthyAfter ??= Age;
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message; // not listening yet
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "request timed out";
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"Silo {Name}'s /health did not answer 200 within the safety timeout of {safetyTimeout.TotalSeconds:0} s ({last}).{Environment.NewLine}{Process.Tail()}");
    }

    /// <summary><c>kill -9</c>.</summary>
    public void Kill() => Process.Kill();

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    public override string ToString() => $"{Name} [{Launch.Roles}] silo:{SiloPort} gateway:{GatewayPort} http:{HttpPort}";

    private static int[] DistinctFreePorts(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreePorts.Next());
        }

        return [.. ports];
    }

    /// <summary>
    /// A folder of its own to run in: with a configured connection string the silo writes nothing there, but a relative
    /// default (<c>.cinesync/…</c>) must never land in the repository.
    /// </summary>
    private static string WorkingDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cinesync-silo-processes");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
