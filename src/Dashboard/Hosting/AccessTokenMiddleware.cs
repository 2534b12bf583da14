using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CineSync.Dashboard.Hosting;

/// <summary>
/// Lets a request through only with the configured token: an <c>Authorization: Bearer</c> header (API
/// clients, peer silos), the session cookie, or a <c>?token=</c> query, which sets the cookie and redirects
/// to the same page without the token in the address bar. The cookie holds an HMAC of the token, not the
/// token. Comparisons are constant-time. Without a configured token everything passes (loopback only,
/// enforced by the options validator).
/// </summary>
internal sealed class AccessTokenMiddleware(RequestDelegate next, string? token)
{
    public const string CookieName = "cinesync_dashboard";

    private readonly byte[]? _token = token is { Length: > 0 } ? Encoding.UTF8.GetBytes(token) : null;
    private readonly string? _cookieValue = token is { Length: > 0 }
        ? Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), "cinesync-dashboard-session"u8))
        : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (_token is null)
        {
            return next(context);
        }

        var request = context.Request;
        if (request.Query.TryGetValue("token", out var query))
        {
            if (!Matches(query.ToString()))
            {
                return RefuseAsync(context);
            }

            context.Response.Cookies.Append(CookieName, _cookieValue!, new CookieOptions
            {
                HttpOnly = true,
                Secure = request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Path = "/dashboard",
            });
            var rest = request.Query.Where(q => q.Key != "token").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
            var queryString = string.Join('&', rest);
            var path = (request.PathBase + request.Path).ToString();
            if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal))
            {
                path = "/dashboard/"; // never a protocol-relative redirect to another host
            }

            context.Response.Redirect(path + (queryString.Length > 0 ? "?" + queryString : ""));
            return Task.CompletedTask;
        }

        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && Matches(header["Bearer ".Length..].Trim()))
        {
            return next(context);
        }

        if (request.Cookies.TryGetValue(CookieName, out var cookie) && FixedEquals(cookie, _cookieValue!))
        {
            return next(context);
        }

        return RefuseAsync(context);
    }

    private bool Matches(string candidate) => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"CineSync dashboard\"";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("401: this dashboard needs its access token (Authorization: Bearer <token>, or open /dashboard/?token=<token> once).\n");
    }
}
