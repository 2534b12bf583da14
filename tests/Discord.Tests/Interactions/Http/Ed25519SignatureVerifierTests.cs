using System.Text;
using CineSync.Discord.Interactions.Http;

namespace CineSync.Discord.Tests.Interactions.Http;

public sealed class Ed25519SignatureVerifierTests
{
    private readonly Ed25519SignatureVerifier _verifier = new(SignatureFixture.PublicKey);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var c in SignatureFixture.Cases)
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Valid_signatures_pass_and_forged_ones_fail(string name)
    {
        var vector = SignatureFixture.Case(name);

        var valid = _verifier.Verify(vector.Signature, vector.Timestamp, Encoding.UTF8.GetBytes(vector.Body));

        Assert.Equal(vector.ExpectedValid, valid);
    }

    [Fact]
    public void The_rfc_8032_test_vector_verifies()
    {
        var vector = SignatureFixture.Rfc8032Test1;
        var verifier = new Ed25519SignatureVerifier(vector.GetProperty("public_key_hex").GetString()!);

        Assert.True(verifier.Verify(vector.GetProperty("signature_hex").GetString(), "", []));
    }

    [Fact]
    public void A_missing_signature_or_timestamp_is_invalid()
    {
        var vector = SignatureFixture.Case("ping_valid");

        Assert.False(_verifier.Verify(null, vector.Timestamp, Encoding.UTF8.GetBytes(vector.Body)));
        Assert.False(_verifier.Verify(vector.Signature, null, Encoding.UTF8.GetBytes(vector.Body)));
    }
}
