using System.Net.Http.Headers;
using System.Net.Http.Json;
using CineSync.Dashboard.Metrics;
using CineSync.Dashboard.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CineSync.Dashboard.Cluster;

/// <summary>
/// The cluster-wide view, gathered without a central stats owner: every silo keeps its own figures and the
/// silo answering the request fetches the others' snapshots in parallel, each bounded by
/// <see cref="DashboardOptions.PeerTimeout"/>; a silo that does not answer shows as unreachable.
/// Live (history-less) views are shared per local sample, so many open pages cost one fan-out per second.
/// </summary>
internal sealed partial class ClusterView : IDisposable
{
    private static readonly TimeSpan LiveCacheAge = TimeSpan.FromMilliseconds(900);

    private readonly SiloStatsCollector _collector;
    private readonly IClusterMembershipView _membership;
    private readonly DashboardOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ClusterView> _logger;
    private readonly HttpClient _http;
    private readonly Lock _gate = new();
    private Task<DashboardSnapshot>? _live;
    private long _liveStartedAt;
    private long _liveLocalSample;

    public ClusterView(
        SiloStatsCollector collector,
        IClusterMembershipView membership,
        IOptions<DashboardOptions> options,
        TimeProvider time,
        ILogger<ClusterView> logger,
        HttpMessageHandler? handler = null)
    {
        _collector = collector;
        _membership = membership;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2), ConnectTimeout = _options.PeerTimeout })
        {
            Timeout = Timeout.InfiniteTimeSpan, // bounded per request by PeerTimeout
        };
    }

    /// <summary>The merged cluster snapshot; with history it is gathered afresh, without it is shared until the next local sample.</summary>
    public Task<DashboardSnapshot> GetAsync(bool includeHistory, CancellationToken cancellationToken)
    {
        if (includeHistory)
        {
            return GatherAsync(includeHistory: true, cancellationToken);
        }

        lock (_gate)
        {
            // Shared until this silo takes its next sample (so a stream never sends a stale second) or it ages.
            var localSample = _collector.Current.SampledAtUnixMs;
            if (_live is null || localSample != _liveLocalSample || _time.GetElapsedTime(_liveStartedAt) > LiveCacheAge)
            {
                _liveStartedAt = _time.GetTimestamp();
                _liveLocalSample = localSample;
                _live = GatherAsync(includeHistory: false, CancellationToken.None);
            }

            return _live.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<DashboardSnapshot> GatherAsync(bool includeHistory, CancellationToken cancellationToken)
    {
        var members = await _membership.GetSilosAsync(cancellationToken).ConfigureAwait(false);
        var fetches = members.Select(silo => FetchAsync(silo, includeHistory, cancellationToken)).ToList();
        if (!members.Any(IsLocal))
        {
            fetches.Add(Task.FromResult<(DashboardSnapshot?, SiloSummary?)>((_collector.GetSnapshot(includeHistory), null)));
        }

        var results = await Task.WhenAll(fetches).ConfigureAwait(false);
        return SnapshotMerger.Merge(
            [.. results.Select(r => r.Snapshot).OfType<DashboardSnapshot>()],
            [.. results.Select(r => r.Unreachable).OfType<SiloSummary>()]);
    }

    private async Task<(DashboardSnapshot? Snapshot, SiloSummary? Unreachable)> FetchAsync(SiloInfo silo, bool includeHistory, CancellationToken cancellationToken)
    {
        if (IsLocal(silo))
        {
            return (WithMembership(_collector.GetSnapshot(includeHistory), silo), null);
        }

        if (silo.Status == SiloStatus.Dead)
        {
            return (null, Unreachable(silo, "declared dead"));
        }

        if (silo.DashboardUrl is null)
        {
            return (null, Unreachable(silo, "serves no dashboard"));
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PeerTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(silo.DashboardUrl, $"dashboard/api/silo?history={(includeHistory ? "true" : "false")}"));
            if (_options.AccessToken is { Length: > 0 } token)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return (null, Unreachable(silo, $"HTTP {(int)response.StatusCode}"));
            }

            var snapshot = await response.Content.ReadFromJsonAsync(DashboardJsonContext.Default.DashboardSnapshot, timeout.Token).ConfigureAwait(false);
            return snapshot is { Silos.Count: > 0 } ? (WithMembership(snapshot, silo), null) : (null, Unreachable(silo, "empty answer"));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException or NotSupportedException && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException ? $"no answer within {_options.PeerTimeout.TotalMilliseconds:0} ms" : ex.Message;
            LogPeerUnreachable(_logger, silo.Name, reason);
            return (null, Unreachable(silo, reason));
        }
    }

    private bool IsLocal(SiloInfo silo) => string.Equals(silo.Name, _options.SiloName, StringComparison.Ordinal);

    /// <summary>The membership table is authoritative for identity and status; the snapshot for the figures.</summary>
    private static DashboardSnapshot WithMembership(DashboardSnapshot snapshot, SiloInfo silo) => snapshot with
    {
        Silos = [snapshot.Silos[0] with
        {
            Name = silo.Name,
            Address = silo.Address,
            DashboardUrl = silo.DashboardUrl?.ToString() ?? snapshot.Silos[0].DashboardUrl,
            Status = silo.Status.ToString(),
            Roles = silo.Roles,
            StartedAt = silo.StartedAt,
        }],
        GrainTypes = [.. snapshot.GrainTypes.Select(t => t with { ActivationsBySilo = new Dictionary<string, long> { [silo.Name] = t.Activations } })],
    };

    private SiloSummary Unreachable(SiloInfo silo, string reason) => new(
        silo.Name,
        silo.Address,
        silo.DashboardUrl?.ToString(),
        silo.Status.ToString(),
        silo.Roles,
        silo.StartedAt,
        (_time.GetUtcNow() - silo.StartedAt).TotalSeconds,
        0,
        0,
        0,
        0,
        0,
        Reachable: false,
        Error: reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dashboard peer {Silo} unreachable: {Reason}")]
    private static partial void LogPeerUnreachable(ILogger logger, string silo, string reason);
}
