using System.Text;
using System.Text.Json;
using CineSync.Discord.Tests.Fixtures;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace CineSync.Discord.Tests.Interactions.Http;

/// <summary>The Ed25519 vectors of the shared fixtures, and a signer with the RFC 8032 test key for new bodies.</summary>
internal static class SignatureFixture
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        using var document = FixtureCatalog.Parse("authored/ed25519-interaction-signatures.json");
        return document.RootElement.Clone();
    });

    public static string PublicKey => Root.Value.GetProperty("public_key_hex").GetString()!;

    /// <summary>The fixture's timestamp, in unix seconds.</summary>
    public const long Timestamp = 1700000000;

    public static IEnumerable<SignatureCase> Cases => Root.Value.GetProperty("cases").EnumerateArray().Select(c => new SignatureCase(
        c.GetProperty("name").GetString()!,
        c.GetProperty("timestamp").GetString()!,
        c.GetProperty("body").GetString()!,
        c.GetProperty("signature").GetString()!,
        c.GetProperty("expected_valid").GetBoolean(),
        c.GetProperty("expected_http_status").GetInt32()));

    public static SignatureCase Case(string name) => Cases.Single(c => c.Name == name);

    public static JsonElement Rfc8032Test1 => Root.Value.GetProperty("rfc8032_test1");

    /// <summary>Signs timestamp + body with the RFC 8032 TEST 1 secret key (whose public key the fixture uses).</summary>
    public static string Sign(string timestamp, string body)
    {
        var secret = Convert.FromHexString(Rfc8032Test1.GetProperty("secret_key_hex").GetString()!);
        var message = Encoding.UTF8.GetBytes(timestamp + body);
        var signature = new byte[Ed25519.SignatureSize];
        Ed25519.Sign(secret, 0, message, 0, message.Length, signature, 0);
        return Convert.ToHexStringLower(signature);
    }
}

public sealed record SignatureCase(string Name, string Timestamp, string Body, string Signature, bool ExpectedValid, int ExpectedHttpStatus)
{
    public override string ToString() => Name;
}
