using Microsoft.Extensions.Logging;

namespace CineSync.Runtime.Core;

/// <summary>The runtime's log messages (source-generated).</summary>
internal sealed partial class RuntimeLog(ILogger logger)
{
    [LoggerMessage(1, LogLevel.Warning, "Activation of {GrainId} failed")]
    public partial void ActivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(2, LogLevel.Warning, "OnDeactivateAsync of {GrainId} failed")]
    public partial void DeactivationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(3, LogLevel.Error, "A continuation of {GrainId} threw")]
    public partial void ContinuationFailed(Exception exception, GrainId grainId);

    [LoggerMessage(4, LogLevel.Warning, "A timer callback of {GrainId} failed")]
    public partial void TimerFailed(Exception exception, GrainId grainId);

    [LoggerMessage(5, LogLevel.Information, "Silo {Silo} is stopping: finishing turns and deactivating grains")]
    public partial void Stopping(string silo);

    [LoggerMessage(6, LogLevel.Warning, "Shutdown timed out with {Count} activations still deactivating")]
    public partial void ShutdownIncomplete(int count);

    [LoggerMessage(7, LogLevel.Information, "Silo {Silo} gateway listening on {Endpoint}")]
    public partial void GatewayListening(string silo, System.Net.EndPoint? endpoint);

    [LoggerMessage(8, LogLevel.Debug, "Gateway connection from {Remote} closed")]
    public partial void GatewayConnectionClosed(Exception? exception, System.Net.EndPoint? remote);

    [LoggerMessage(9, LogLevel.Information, "Silo {Silo} started with roles [{Roles}]")]
    public partial void Started(string silo, string roles);
}
