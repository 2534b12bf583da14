using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CineSync.Runtime.Client;

/// <summary>Connects the cluster client when the host starts (retrying in the background) and closes it when it stops.</summary>
internal sealed class ClusterClientHostedService(ClusterClient client, IOptions<ClusterClientOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ConnectOnStart)
        {
            return;
        }

        try
        {
            await client.Connect(cancellationToken).ConfigureAwait(false);
        }
        catch (SiloUnavailableException)
        {
            client.StartReconnecting();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => client.Close();
}
