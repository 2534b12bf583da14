using System.CommandLine;
using CineSync.Recommender.Cli;

var root = new RootCommand("CineSync recommender: offline evaluation and model bundle training.");
root.Subcommands.Add(EvaluateCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(EvaluateGroupsCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
