using System.Diagnostics;

namespace CineSync.Testing.Cluster;

/// <summary>
/// A built CineSync executable (<c>dotnet App.dll …</c>) run as its own process, with its output kept line by line so a
/// test can wait for what it prints. Killed with SIGKILL on <see cref="Kill"/>, on disposal, and when the test process
/// exits, so a failed test leaves no silo behind.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private static readonly Lock LiveGate = new();
    private static readonly HashSet<ChildProcess> Live = [];
    private readonly List<string> _lines = [];
    private readonly Lock _linesGate = new();
    private readonly Process _process;
    private readonly StreamWriter? _log;
    private readonly string _name;
    private event Action<string>? LineAdded;

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAllLive();

    private ChildProcess(string name, Process process, StreamWriter? log)
    {
        _name = name;
        _process = process;
        _log = log;
    }

    /// <summary>The operating system's process id.</summary>
    public int Id => _process.Id;

    /// <summary>Whether the process has ended (killed, crashed or exited).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Where its output is copied, when a log folder was given.</summary>
    public string? LogPath { get; private init; }

    /// <summary>CPU time the process has used so far (user + kernel).</summary>
    public TimeSpan TotalProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Writes lines to the process's standard input.</summary>
    public StreamWriter Input => _process.StandardInput;

    /// <summary>
    /// Starts <paramref name="dll"/> with the same <c>dotnet</c> host that runs this process. Environment variables that
    /// would override the command line's HTTP binding are removed; <paramref name="environment"/> adds others.
    /// </summary>
    public static ChildProcess Start(
        string name, string dll, IEnumerable<string> arguments, string workingDirectory, string? logDirectory = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // An inherited ASPNETCORE_URLS would win over Silo:HttpPort and point every silo at one port.
        foreach (var variable in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        string? logPath = null;
        StreamWriter? log = null;
        if (logDirectory is not null)
        {
            Directory.CreateDirectory(logDirectory);
            logPath = Path.Combine(logDirectory, name + ".log");
            log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, log) { LogPath = logPath };
        process.OutputDataReceived += (_, e) => child.Add(e.Data);
        process.ErrorDataReceived += (_, e) => child.Add(e.Data is null ? null : "[stderr] " + e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (LiveGate)
        {
            Live.Add(child);
        }

        return child;
    }

    /// <summary>Every line printed so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_linesGate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines, for a failure message.</summary>
    public string Tail(int count = 40) => $"--- last lines of {_name} (pid {SafeId()}) ---{Environment.NewLine}{string.Join(Environment.NewLine, Lines.TakeLast(count))}";

    /// <summary>
    /// Waits until a line matching <paramref name="match"/> has been printed (earlier lines count), the process exits
    /// (throws), or <paramref name="safetyTimeout"/> passes (throws).
    /// </summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan safetyTimeout, string what, CancellationToken cancellationToken = default)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(string line)
        {
            if (match(line))
            {
                found.TrySetResult(line);
            }
        }

        LineAdded += Check;
        try
        {
            // Subscribed first, then the lines already printed: none can slip between the two.
            foreach (var line in Lines)
            {
                Check(line);
            }

            var exited = _process.WaitForExitAsync(cancellationToken);
            var timeout = Task.Delay(safetyTimeout, cancellationToken);
            var first = await Task.WhenAny(found.Task, exited, timeout).ConfigureAwait(false);
            if (first == found.Task)
            {
                return await found.Task.ConfigureAwait(false);
            }

            if (found.Task.IsCompleted) // a line and the exit can arrive together
            {
                return await found.Task.ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();

            throw new TimeoutException(first == exited
                ? $"{_name} exited (code {_process.ExitCode}) before printing {what}.{Environment.NewLine}{Tail()}"
                : $"{_name} printed no {what} within the safety timeout of {safetyTimeout.TotalSeconds:0} s.{Environment.NewLine}{Tail()}");
        }
        finally
        {
            LineAdded -= Check;
        }
    }

    /// <summary>SIGKILL: the process gets no chance to leave the cluster or flush anything (<c>kill -9</c>).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }
    }

    /// <summary>Waits for the process to end (after <see cref="Kill"/> or a stop), up to <paramref name="safetyTimeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan safetyTimeout)
    {
        using var cts = new CancellationTokenSource(safetyTimeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        lock (LiveGate)
        {
            Live.Remove(this);
        }

        _process.Dispose();
        lock (_linesGate)
        {
            _log?.Dispose();
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_linesGate)
        {
            _lines.Add(line);
            _log?.WriteLine(line);
        }

        LineAdded?.Invoke(line);
    }

    private string SafeId()
    {
        try
        {
            return _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    /// <summary>The <c>dotnet</c> host: the one the SDK named for child processes, this process's own, or PATH's.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        var own = Environment.ProcessPath;
        return own is not null && Path.GetFileNameWithoutExtension(own) == "dotnet" ? own : "dotnet";
    }

    private static void KillAllLive()
    {
        ChildProcess[] live;
        lock (LiveGate)
        {
            live = [.. Live];
        }

        foreach (var child in live)
        {
            try
            {
                if (!child._process.HasExited)
                {
                    child._process.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }
    }
}
