using System.Text.Json;
using System.Text.RegularExpressions;
using CineSync.Discord.Emulator.OpenApi;
using CineSync.Testing;

namespace CineSync.Discord.Tests.Contract;

/// <summary>
/// The validator agrees with the spec's own authors: every authored fixture that SOURCES.md pairs with a
/// schema passes, both by schema name and through the operation the bot would send it to.
/// </summary>
public sealed partial class AuthoredFixtureContractTests
{
    private static readonly OpenApiContract Contract = OpenApiContract.Load(SharedPaths.DiscordOpenApiSpec);

    public static TheoryData<string, string> AuthoredPairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (fixture, schema) in ReadPairs())
        {
            data.Add(fixture, schema);
        }

        return data;
    }

    [Fact]
    public void SourcesListsEveryAuthoredResponseAndCommandFixture()
    {
        var paired = ReadPairs().Select(pair => pair.Fixture).ToHashSet();
        var authored = Directory.GetFiles(Path.Combine(SharedPaths.DiscordFixtures, "authored"), "*.json")
            .Select(Path.GetFileNameWithoutExtension)
            .Where(name => name!.StartsWith("response-", StringComparison.Ordinal) || name.StartsWith("command-", StringComparison.Ordinal));

        Assert.All(authored, name => Assert.Contains(name!, paired));
        Assert.True(paired.Count >= 7, $"expected the 7 documented pairs, parsed {paired.Count}");
    }

    [Theory]
    [MemberData(nameof(AuthoredPairs))]
    public void AuthoredFixtureValidatesAgainstTheSchemaSourcesNames(string fixture, string schema)
    {
        using var document = ReadFixture(fixture);

        var violations = Contract.ValidateSchema(schema, document.RootElement);

        Assert.True(violations.Count == 0, $"{fixture} vs {schema}: {string.Join("; ", violations)}");
    }

    [Theory]
    [MemberData(nameof(AuthoredPairs))]
    public void AuthoredFixtureValidatesAsTheBodyOfItsOperation(string fixture, string schema)
    {
        using var document = ReadFixture(fixture);
        var (path, body) = schema == "ApplicationCommandUpdateRequest"
            ? ("/api/v10/applications/1200000000000000000/commands", $"[{document.RootElement.GetRawText()}]")
            : ("/api/v10/interactions/1300000000000000001/A_UNIQUE_TOKEN/callback", document.RootElement.GetRawText());
        var method = schema == "ApplicationCommandUpdateRequest" ? "PUT" : "POST";

        var violations = Contract.ValidateRequest(method, path, body);

        Assert.True(violations.Count == 0, $"{fixture}: {string.Join("; ", violations)}");
    }

    [Theory]
    [InlineData("commands/slash-command-definition-blep.json", "ApplicationCommandCreateRequest")]
    [InlineData("commands/user-command-definition.json", "ApplicationCommandCreateRequest")]
    [InlineData("components/message-action-row-buttons.json", "MessageCreateRequest")]
    public void DocumentedRequestExampleValidates(string file, string schema)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedPaths.DiscordFixtures, file)));

        var violations = Contract.ValidateSchema(schema, document.RootElement);

        Assert.True(violations.Count == 0, $"{file}: {string.Join("; ", violations)}");
    }

    private static JsonDocument ReadFixture(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedPaths.DiscordFixtures, "authored", name + ".json")));

    /// <summary>Parses "a, b -> SchemaName" pairs from SOURCES.md, so the mapping has one source of truth.</summary>
    private static IEnumerable<(string Fixture, string Schema)> ReadPairs()
    {
        var text = File.ReadAllText(Path.Combine(SharedPaths.DiscordFixtures, "SOURCES.md")).ReplaceLineEndings(" ");
        foreach (Match match in PairPattern().Matches(text))
        {
            foreach (var fixture in match.Groups["fixtures"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return (fixture, match.Groups["schema"].Value);
            }
        }
    }

    [GeneratedRegex(@"(?<fixtures>[a-z0-9-]+(?:,\s*[a-z0-9-]+)*)\s*->\s*(?<schema>[A-Z][A-Za-z]+)")]
    private static partial Regex PairPattern();
}
