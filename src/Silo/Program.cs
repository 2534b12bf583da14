using CineSync.Silo.Hosting;

// A CineSync silo (see CineSyncSiloApplication for what it starts, in which order), or the 'train' or 'experiment' command.
if (args is [TrainCommand.Verb, ..])
{
    return await TrainCommand.RunAsync(args[1..]);
}

if (args is [ExperimentCommand.Verb, ..])
{
    return await ExperimentCommand.RunAsync(args[1..]);
}

await using var app = CineSyncSiloApplication.Build(args);
if (PortPreflight.FindTakenPort(app.Configuration) is { } taken)
{
    Console.Error.WriteLine(taken);
    return PortPreflight.PortTakenExitCode;
}

try
{
    await app.RunAsync();
}
catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
{
    // Taken between the check and the start: still one sentence, not a stack trace.
    Console.Error.WriteLine("CineSync cannot start: " + ex.Message + " Stop what uses it, or choose another port (see README, 'Several silos').");
    return PortPreflight.PortTakenExitCode;
}

return 0;
