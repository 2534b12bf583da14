using System.Text.Json;
using CineSync.Testing;

namespace CineSync.Discord.Tests.Fixtures;

/// <summary>The shared Discord contract fixtures and their index.</summary>
internal static class FixtureCatalog
{
    public static string Root => SharedPaths.DiscordFixtures;

    /// <summary>(path, direction) of every fixture index.json lists.</summary>
    public static IReadOnlyList<(string Path, string Direction)> Entries()
    {
        using var index = JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(Root, "index.json")));
        return [.. index.RootElement.EnumerateArray().Select(e => (e.GetProperty("fixture").GetString()!, e.GetProperty("direction").GetString()!))];
    }

    public static string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Root, relativePath));

    public static JsonDocument Parse(string relativePath) => JsonDocument.Parse(Read(relativePath));
}
