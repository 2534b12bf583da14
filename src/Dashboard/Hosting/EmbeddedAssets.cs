using Microsoft.AspNetCore.Http;

namespace CineSync.Dashboard.Hosting;

/// <summary>The pages, script and style sheet, embedded in this assembly under <c>wwwroot/</c> and served from memory.</summary>
internal sealed class EmbeddedAssets
{
    private const string Prefix = "wwwroot/";

    private readonly Dictionary<string, (byte[] Content, string ContentType)> _files = Load();

    public IResult Serve(string name) => _files.TryGetValue(name, out var file)
        ? Results.Bytes(file.Content, file.ContentType)
        : Results.NotFound();

    public bool Contains(string name) => _files.ContainsKey(name);

    /// <summary>The embedded file names (<c>index.html</c>, <c>app.js</c>, …).</summary>
    public IEnumerable<string> Names => _files.Keys;

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(EmbeddedAssets).Assembly;
        var files = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[resource[Prefix.Length..]] = (buffer.ToArray(), ContentTypeOf(resource));
        }

        return files;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
