namespace CineSync.Runtime.TestSiloApp;

/// <summary>Command-line settings of the test silo process.</summary>
internal sealed class TestSiloSettings
{
    public string ConnectionString { get; set; } = string.Empty;

    public string ClusterId { get; set; } = "default";

    public string Name { get; set; } = "silo";

    /// <summary>Comma-separated roles.</summary>
    public string Roles { get; set; } = string.Empty;

    public int GatewayPort { get; set; }

    public int SiloPort { get; set; }
}
