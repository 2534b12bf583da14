using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using CineSync.Database.DemoData;
using CineSync.Testing;

namespace CineSync.Database.Tests.Hosting;

public sealed class DemoDataDownloadTests : IDisposable
{
    private readonly string _folder = PostgresServer.CreateTempFolder("download-");

    [Fact]
    public async Task A_data_path_that_is_a_url_is_downloaded_and_unzipped_once()
    {
        // The zip as GroupLens ships it: one ml-latest-small/ folder inside.
        var source = Path.Combine(_folder, "source");
        TinyMovieLens.Write(Path.Combine(source, "ml-latest-small"));
        var zip = Path.Combine(_folder, "ml-latest-small.zip");
        await ZipFile.CreateFromDirectoryAsync(source, zip, CompressionLevel.Fastest, includeBaseDirectory: false);
        using var server = new ZipServer(await File.ReadAllBytesAsync(zip));
        var options = new DemoDataOptions { Path = server.Url + "datasets/ml-latest-small.zip", DownloadDirectory = Path.Combine(_folder, "downloads") };

        var first = await DemoDataLocator.LocateAsync(options, [], CancellationToken.None);
        var second = await DemoDataLocator.LocateAsync(options, [], CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal(Path.Combine(_folder, "downloads", "ml-latest-small"), first.MovieLens);
        Assert.True(DemoDataSet.IsMovieLensFolder(first.MovieLens));
        Assert.Equal(first, second);
        Assert.Equal(1, server.Requests);
    }

    public void Dispose() => PostgresServer.TryDelete(_folder);

    /// <summary>Serves one zip on a loopback port.</summary>
    private sealed class ZipServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly byte[] _zip;
        private int _requests;

        public ZipServer(byte[] zip)
        {
            _zip = zip;
            using (var probe = new TcpListener(IPAddress.Loopback, 0))
            {
                probe.Start();
                Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
            }

            _listener.Prefixes.Add(Url);
            _listener.Start();
            _ = ServeAsync();
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                Interlocked.Increment(ref _requests);
                context.Response.ContentType = "application/zip";
                context.Response.ContentLength64 = _zip.Length;
                await context.Response.OutputStream.WriteAsync(_zip);
                context.Response.Close();
            }
        }
    }
}
