namespace CineSync.Silo.Hosting;

/// <summary>The silo's own settings, bound from the <c>Silo</c> section.</summary>
public sealed class SiloOptions
{
    /// <summary>The configuration section holding these options.</summary>
    public const string SectionName = "Silo";

    /// <summary>
    /// The address the HTTP endpoint (health, dashboard) listens on. Default <c>127.0.0.1</c>: loopback only.
    /// Ignored when <c>--urls</c> (or ASPNETCORE_URLS, or Kestrel:Endpoints) is given.
    /// </summary>
    public string HttpAddress { get; set; } = "127.0.0.1";

    /// <summary>The HTTP port. Default 5080; 0 picks a free port. Ignored when <c>--urls</c> is given.</summary>
    public int HttpPort { get; set; } = 5080;
}
