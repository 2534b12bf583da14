using CineSync.Dashboard.Access;
using CineSync.Dashboard.Api;
using CineSync.Grains.Interfaces;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orleans;

namespace CineSync.Dashboard.Quality;

/// <summary>
/// The model-quality JSON and the experiment actions. Promote and stop change what every user gets, so they need the
/// dashboard's access token even from loopback: without <c>Dashboard:AccessToken</c> they answer 403, and with it the
/// access middleware has already checked the request's bearer header or session cookie (SameSite=Strict, so another
/// site cannot make the browser send it).
/// </summary>
internal static class QualityEndpoints
{
    public static void MapQualityApi(this RouteGroupBuilder group)
    {
        group.MapGet("/api/quality", async (HttpContext context, QualityReader reader) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false), DashboardJsonContext.Default.QualityView);
        });
        group.MapPost("/api/experiments/{id:int}/promote", (int id, IGrainFactory grains, DashboardAccessPolicy policy) =>
            ActAsync(policy, () => grains.GetGrain<IExperimentGrain>(0).PromoteAsync(id)));
        group.MapPost("/api/experiments/{id:int}/stop", (int id, IGrainFactory grains, DashboardAccessPolicy policy) =>
            ActAsync(policy, () => grains.GetGrain<IExperimentGrain>(0).StopAsync(id)));
    }

    private static async Task<IResult> ActAsync(DashboardAccessPolicy policy, Func<Task<ExperimentView>> action)
    {
        if (!policy.RequiresToken)
        {
            return Results.Json(
                new ExperimentActionResult(null, "Promoting or stopping an experiment from the dashboard needs Dashboard:AccessToken; without one, use the silo's experiment command."),
                DashboardJsonContext.Default.ExperimentActionResult,
                statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            return Results.Json(new ExperimentActionResult(await action().ConfigureAwait(false), null), DashboardJsonContext.Default.ExperimentActionResult);
        }
        catch (ExperimentException refused)
        {
            return Results.Json(new ExperimentActionResult(null, refused.Message), DashboardJsonContext.Default.ExperimentActionResult, statusCode: StatusCodes.Status409Conflict);
        }
    }
}
