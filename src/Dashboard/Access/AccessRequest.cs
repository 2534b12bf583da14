using System.Net;

namespace CineSync.Dashboard.Access;

/// <summary>What the access policy looks at in a request to a dashboard route.</summary>
/// <param name="RemoteAddress">The connection's remote address (not a forwarded header: nothing upstream is trusted).</param>
/// <param name="Authorization">The <c>Authorization</c> header, if any.</param>
/// <param name="Cookie">The dashboard session cookie, if any.</param>
/// <param name="QueryToken">The <c>token</c> query parameter, if present.</param>
internal readonly record struct AccessRequest(IPAddress? RemoteAddress, string? Authorization, string? Cookie, string? QueryToken);
