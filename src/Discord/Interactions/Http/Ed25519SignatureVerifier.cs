using System.Text;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace CineSync.Discord.Interactions.Http;

/// <summary>
/// Checks Discord's signature on an HTTP interaction: Ed25519 over the UTF-8 bytes of
/// X-Signature-Timestamp followed by the raw body, with the application's public key.
/// </summary>
public sealed class Ed25519SignatureVerifier
{
    private readonly byte[] _publicKey;

    /// <param name="publicKeyHex">The application's public key from the Developer Portal (64 hex digits).</param>
    public Ed25519SignatureVerifier(string publicKeyHex)
    {
        if (!TryFromHex(publicKeyHex, Ed25519.PublicKeySize, out var key))
        {
            throw new ArgumentException("The public key must be 64 hex digits (32 bytes).", nameof(publicKeyHex));
        }

        _publicKey = key;
    }

    /// <summary>True when <paramref name="signatureHex"/> is a valid signature of timestamp + body. Malformed input is simply invalid.</summary>
    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (timestamp is null || !TryFromHex(signatureHex, Ed25519.SignatureSize, out var signature))
        {
            return false;
        }

        var timestampLength = Encoding.UTF8.GetByteCount(timestamp);
        var message = new byte[timestampLength + body.Length];
        Encoding.UTF8.GetBytes(timestamp, message);
        body.CopyTo(message.AsSpan(timestampLength));
        return Ed25519.Verify(signature, 0, _publicKey, 0, message, 0, message.Length);
    }

    private static bool TryFromHex(string? hex, int length, out byte[] bytes)
    {
        bytes = [];
        if (hex is null || hex.Length != length * 2)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
