using System.Net;

namespace CineSync.Runtime.Hosting;

/// <summary>The endpoints a started silo listens on (useful when ports are 0, "any free port").</summary>
public sealed class SiloEndpoints
{
    private readonly SiloHostedService _service;

    internal SiloEndpoints(SiloHostedService service) => _service = service;

    /// <summary>The client gateway endpoint; null before start or without a gateway.</summary>
    public EndPoint? Gateway => _service.GatewayEndPoint;

    /// <summary>The silo-to-silo endpoint; null before start or when the silo is not clustered.</summary>
    public EndPoint? Silo => _service.SiloEndPoint;
}
