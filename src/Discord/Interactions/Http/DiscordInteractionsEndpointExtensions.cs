using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CineSync.Discord.Interactions.Http;

/// <summary>Maps the HTTP interactions endpoint (register it with <c>AddDiscordHttpInteractions</c>).</summary>
public static class DiscordInteractionsEndpointExtensions
{
    /// <summary>Serves Discord's Interactions Endpoint URL at <paramref name="pattern"/> (POST).</summary>
    public static IEndpointConventionBuilder MapDiscordInteractions(this IEndpointRouteBuilder endpoints, string pattern = "/interactions")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapPost(pattern, (HttpContext context) => context.RequestServices.GetRequiredService<HttpInteractionHandler>().HandleAsync(context));
    }
}
