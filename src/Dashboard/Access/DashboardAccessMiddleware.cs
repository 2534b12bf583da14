using Microsoft.AspNetCore.Http;

namespace CineSync.Dashboard.Access;

/// <summary>
/// Enforces where and to whom dashboard routes answer. A request is a dashboard request when its path is under
/// <see cref="DashboardPaths.Root"/> or its endpoint is marked with <see cref="DashboardEndpointMetadata"/> (either
/// suffices, so a route mapped without the marker is still covered). On the silo's other endpoints (HTTP, <c>/health</c>)
/// dashboard requests get 404. On the dashboard endpoint every request, whatever its path, passes
/// <see cref="DashboardAccessPolicy"/> first; the endpoint serves nothing but dashboard routes. The endpoint is told by
/// the connection's local port, never by the Host header, which the client chooses.
/// </summary>
internal sealed class DashboardAccessMiddleware(RequestDelegate next, ISiloDashboard dashboard, DashboardAccessPolicy policy)
{
    public Task InvokeAsync(HttpContext context)
    {
        var isDashboardRequest = DashboardPaths.IsUnderRoot(context.Request.Path)
            || context.GetEndpoint()?.Metadata.GetMetadata<DashboardEndpointMetadata>() is not null;
        if (!dashboard.IsDashboardPort(context.Connection.LocalPort))
        {
            return isDashboardRequest ? StatusAsync(context, StatusCodes.Status404NotFound) : next(context);
        }

        var request = context.Request;
        var decision = policy.Decide(new AccessRequest(
            context.Connection.RemoteIpAddress,
            request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
            request.Cookies.TryGetValue(DashboardAccessPolicy.CookieName, out var cookie) ? cookie : null,
            request.Query.TryGetValue("token", out var token) ? token.ToString() : null));

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
        switch (decision)
        {
            case AccessDecision.Refuse:
                return RefuseAsync(context, policy.RequiresToken);
            case AccessDecision.StoreCookieAndRedirect:
                StoreCookieAndRedirect(context);
                return Task.CompletedTask;
        }

        if (isDashboardRequest)
        {
            return next(context);
        }

        if (request.Path == "/")
        {
            context.Response.Redirect(DashboardPaths.Root + "/");
            return Task.CompletedTask;
        }

        return StatusAsync(context, StatusCodes.Status404NotFound);
    }

    /// <summary>The address to send the browser to once the cookie is set: this one, without the token.</summary>
    internal static string AddressWithoutToken(HttpRequest request)
    {
        var rest = request.Query.Where(q => q.Key != "token").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}");
        var query = string.Join('&', rest);
        var path = (request.PathBase + request.Path).ToString();
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal))
        {
            path = DashboardPaths.Root + "/"; // never a protocol-relative redirect to another host
        }

        return query.Length > 0 ? $"{path}?{query}" : path;
    }

    private void StoreCookieAndRedirect(HttpContext context)
    {
        context.Response.Cookies.Append(DashboardAccessPolicy.CookieName, policy.CookieValue!, new CookieOptions
        {
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = DashboardPaths.Root,
        });
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Redirect(AddressWithoutToken(context.Request));
    }

    private static Task RefuseAsync(HttpContext context, bool tokenConfigured)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"CineSync dashboard\"";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(tokenConfigured
            ? "401: this dashboard needs its access token (Authorization: Bearer <token>, or open /dashboard/?token=<token> once).\n"
            : "401: without Dashboard:AccessToken this dashboard serves loopback clients only.\n");
    }

    private static Task StatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
