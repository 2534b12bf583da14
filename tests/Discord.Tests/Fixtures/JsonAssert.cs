using System.Text.Json;

namespace CineSync.Discord.Tests.Fixtures;

/// <summary>Semantic JSON equality: same properties (any order) and values; numbers compared by value.</summary>
internal static class JsonAssert
{
    public static void Equivalent(JsonElement expected, JsonElement actual, string path = "$")
    {
        Assert.True(expected.ValueKind == actual.ValueKind, $"{path}: expected {expected.ValueKind}, got {actual.ValueKind} ({actual.GetRawText()})");
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(p => p.Name).Order().ToArray();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).Order().ToArray();
                Assert.True(expectedNames.SequenceEqual(actualNames), $"{path}: properties [{string.Join(",", expectedNames)}] vs [{string.Join(",", actualNames)}]");
                foreach (var property in expected.EnumerateObject())
                {
                    Equivalent(property.Value, actual.GetProperty(property.Name), path + "." + property.Name);
                }

                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"{path}: array length {expected.GetArrayLength()} vs {actual.GetArrayLength()}");
                var i = 0;
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    Equivalent(e, a, $"{path}[{i++}]");
                }

                break;
            case JsonValueKind.Number:
                Assert.True(expected.GetDecimal() == actual.GetDecimal(), $"{path}: {expected} vs {actual}");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.GetString(), $"{path}: {expected} vs {actual}");
                break;
            default:
                Assert.True(expected.GetRawText() == actual.GetRawText(), $"{path}: {expected.GetRawText()} vs {actual.GetRawText()}");
                break;
        }
    }
}
