using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace CineSync.Dashboard.Access;

/// <summary>
/// The one rule every dashboard route passes (CineSync's page and API, and Orleans' dashboard, whose <c>GrainState</c>
/// endpoint calls grain methods and whose <c>Trace</c> endpoint streams the silo's logs):
/// <list type="bullet">
/// <item>no token configured: loopback clients only, everyone else gets 401;</item>
/// <item>token configured: the token is required from every address, as <c>Authorization: Bearer</c>, or as the session
/// cookie (an HMAC of the token, never the token) that a <c>?token=</c> address sets.</item>
/// </list>
/// Token and cookie comparisons are constant-time.
/// </summary>
internal sealed class DashboardAccessPolicy
{
    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "cinesync_dashboard";

    private readonly byte[]? _token;
    private readonly byte[]? _cookie;

    public DashboardAccessPolicy(string? token)
    {
        if (!string.IsNullOrEmpty(token))
        {
            _token = Encoding.UTF8.GetBytes(token);
            CookieValue = Convert.ToBase64String(HMACSHA256.HashData(_token, "cinesync-dashboard-session"u8));
            _cookie = Encoding.UTF8.GetBytes(CookieValue);
        }
    }

    /// <summary>Whether a token is configured.</summary>
    public bool RequiresToken => _token is not null;

    /// <summary>The value of the session cookie for the configured token; null without one.</summary>
    public string? CookieValue { get; }

    public AccessDecision Decide(AccessRequest request)
    {
        if (_token is null)
        {
            return IsLoopback(request.RemoteAddress) ? AccessDecision.Allow : AccessDecision.Refuse;
        }

        if (request.QueryToken is { } query)
        {
            return Matches(query, _token) ? AccessDecision.StoreCookieAndRedirect : AccessDecision.Refuse;
        }

        const string bearer = "Bearer ";
        if (request.Authorization is { } header
            && header.StartsWith(bearer, StringComparison.OrdinalIgnoreCase)
            && Matches(header[bearer.Length..].Trim(), _token))
        {
            return AccessDecision.Allow;
        }

        return request.Cookie is { } cookie && Matches(cookie, _cookie!) ? AccessDecision.Allow : AccessDecision.Refuse;
    }

    /// <summary>Loopback, including IPv4 loopback mapped into IPv6 (<c>::ffff:127.0.0.1</c>, what a dual-mode socket reports).</summary>
    internal static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool Matches(string candidate, byte[] expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), expected);
}
