namespace CineSync.Bot.Hosting;

/// <summary>Console mode settings (section <c>Console</c>; <c>--user 2</c> on the command line sets <see cref="UserId"/>).</summary>
public sealed class ConsoleBotOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Console";

    /// <summary>The local user's id (stands in for a Discord user id). Default 1.</summary>
    public long UserId { get; set; } = 1;

    /// <summary>
    /// Stop the host when the input ends or the user types <c>/quit</c>. Default true (so <c>printf '/help\n/quit\n' | ./run.sh</c>
    /// ends, PostgreSQL included); set false when the console shares a process that must keep running without a terminal.
    /// </summary>
    public bool StopHostOnExit { get; set; } = true;

    /// <summary>Print the prompt and greeting. Default true.</summary>
    public bool Interactive { get; set; } = true;

    /// <summary>Where <c>/export_my_data</c> writes its file. Default: the current directory.</summary>
    public string? ExportFolder { get; set; }
}
