using System.Diagnostics;
using System.Globalization;

namespace CineSync.Database.Postgres;

/// <summary>
/// Which process started the private server: a file beside the data folder holding that process's id and start time.
/// A server whose owner is gone (killed with <c>kill -9</c>, the machine's power cut) is an orphan the next start adopts,
/// and then stops on shutdown like one it started; a server whose owner still runs is only borrowed.
/// </summary>
internal static class ServerOwner
{
    /// <summary>Records this process as the owner. Best effort: without the file the server is borrowed, never lost.</summary>
    public static void Claim(string dataDirectory)
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            File.WriteAllText(PathFor(dataDirectory), string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId} {self.StartTime.ToUniversalTime().Ticks}"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // An unwritable parent folder: a later start borrows the server instead of adopting it.
        }
    }

    /// <summary>Forgets the owner (the server was stopped).</summary>
    public static void Release(string dataDirectory)
    {
        try
        {
            File.Delete(PathFor(dataDirectory));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind, it names a process that is gone: the next start adopts, which is right.
        }
    }

    /// <summary>Stands for "no record": a server started before owners were recorded, or by hand.</summary>
    public const int Unknown = 0;

    /// <summary>
    /// The id of the process that started the server and is gone since (<see cref="Unknown"/> when nobody recorded one:
    /// a live CineSync always does), or null when the owner still runs.
    /// </summary>
    public static int? GoneOwner(string dataDirectory)
    {
        string[] parts;
        try
        {
            parts = File.ReadAllText(PathFor(dataDirectory)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (FileNotFoundException)
        {
            return Unknown;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(pid);

            // A reused pid is another program: its start time differs from the owner's.
            return process.HasExited || process.StartTime.ToUniversalTime().Ticks != startTicks ? pid : null;
        }
        catch (ArgumentException)
        {
            return pid;
        }
        catch (InvalidOperationException)
        {
            return pid;
        }
    }

    private static string PathFor(string dataDirectory) => Path.TrimEndingDirectorySeparator(dataDirectory) + ".owner";
}
