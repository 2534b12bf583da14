using System.Globalization;
using CineSync.Database.Hosting;
using CineSync.Grains.Experiments;
using CineSync.Grains.Interfaces;

namespace CineSync.Silo.Hosting;

/// <summary>
/// <c>dotnet run --project src/Silo -- experiment list|start|promote|stop</c>: experiments on the database the silo
/// would use (same configuration), with or without silos running. Running silos see a change within
/// <c>Experiments:RefreshPeriod</c> (5 s by default).
/// </summary>
internal static class ExperimentCommand
{
    public const string Verb = "experiment";

    private const int UsageExitCode = 64;
    private const int RefusedExitCode = 65;

    private const string Usage = """
        usage: experiment list
               experiment start <candidate model version> [--share <0..1, default 0.5>] [--name <label>]
               experiment promote <experiment id>
               experiment stop <experiment id>
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!TryParse(args, out var action, out var number, out var share, out var name, out var rest))
        {
            await Console.Error.WriteLineAsync(Usage);
            return UsageExitCode;
        }

        var builder = Host.CreateApplicationBuilder(rest);
        builder.Services.AddCineSyncDatabase(builder.Configuration);
        var options = builder.Configuration.GetSection(ExperimentOptions.SectionName).Get<ExperimentOptions>() ?? new ExperimentOptions();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var connectionString = await host.Services.GetRequiredService<IDatabaseEndpoint>().GetConnectionStringAsync();
            await using var admin = ExperimentAdmin.Open(connectionString, options);
            IReadOnlyList<ExperimentView> shown = action switch
            {
                "list" => await admin.ListAsync(),
                "start" => [await admin.StartAsync(new ExperimentRequest(number, share, name))],
                "promote" => [await admin.PromoteAsync(number)],
                _ => [await admin.StopAsync(number)],
            };
            if (shown.Count == 0)
            {
                Console.WriteLine("No experiments yet. Start one with: experiment start <candidate model version>");
            }

            foreach (var view in shown)
            {
                Console.WriteLine(Describe(view));
            }

            return 0;
        }
        catch (ExperimentException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return RefusedExitCode;
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>An experiment in a few lines: status, arms with their figures, verdict.</summary>
    internal static string Describe(ExperimentView view) => string.Create(CultureInfo.InvariantCulture, $"""
        #{view.Id} {view.Name} [{view.Status}, {view.Origin}] since {view.StartedAt:u}{(view.EndedAt is { } ended ? $" until {ended:u}" : "")}
          control   v{view.Control.ModelVersion} ({1 - view.CandidateShare:P0} of users): {Figures(view.Control.Figures)}
          candidate v{view.Candidate.ModelVersion} ({view.CandidateShare:P0} of users): {Figures(view.Candidate.Figures)}
          verdict: {view.Verdict.Summary}
        """);

    private static string Figures(OnlineFigures f) => string.Create(
        CultureInfo.InvariantCulture,
        $"{f.Lists} lists, {f.TitlesShown} titles shown, {f.Likes} 👍, {f.Dislikes} 👎, like rate {f.LikeRate:P1}, rated after {f.RatingRate:P1}, mean rating {f.MeanRating:0.00}");

    private static bool TryParse(string[] args, out string action, out int number, out double share, out string? name, out string[] rest)
    {
        (action, number, share, name) = (args.FirstOrDefault() ?? "", 0, 0.5, null);
        var remaining = new List<string>();
        var needsNumber = action is "start" or "promote" or "stop";
        var i = 1;
        if (needsNumber && (args.Length < 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            rest = [];
            return false;
        }

        i += needsNumber ? 1 : 0;
        for (; i < args.Length; i++)
        {
            if (action == "start" && args[i] == "--share" && i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out share))
            {
                i++;
            }
            else if (action == "start" && args[i] == "--name" && i + 1 < args.Length)
            {
                name = args[++i];
            }
            else
            {
                remaining.Add(args[i]);
            }
        }

        rest = [.. remaining];
        return action is "list" || needsNumber;
    }
}
