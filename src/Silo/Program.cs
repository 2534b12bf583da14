using CineSync.Silo.Hosting;

// A CineSync silo (see CineSyncSiloApplication for what it starts, in which order), or the 'train' command.
if (args is [TrainCommand.Verb, ..])
{
    return await TrainCommand.RunAsync(args[1..]);
}

await using var app = CineSyncSiloApplication.Build(args);
await app.RunAsync();
return 0;
