namespace CineSync.Dashboard.Metrics;

/// <summary>Process CPU (from the processor-time delta between samples), memory and uptime.</summary>
internal sealed class ProcessSampler(TimeProvider time)
{
    private readonly long _startTimestamp = time.GetTimestamp();
    private TimeSpan _lastCpu = Environment.CpuUsage.TotalTime;
    private long _lastTimestamp = time.GetTimestamp();

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public double CpuPercent { get; private set; }

    public long WorkingSetBytes { get; private set; }

    public long GcHeapBytes { get; private set; }

    public TimeSpan Uptime => time.GetElapsedTime(_startTimestamp);

    /// <summary>Takes a reading; CPU is the share of all cores used since the previous one.</summary>
    public void Sample()
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var now = time.GetTimestamp();
        var wall = time.GetElapsedTime(_lastTimestamp, now);
        if (wall > TimeSpan.Zero)
        {
            CpuPercent = Math.Clamp((cpu - _lastCpu) / (wall * Environment.ProcessorCount) * 100.0, 0, 100);
        }

        _lastCpu = cpu;
        _lastTimestamp = now;
        WorkingSetBytes = Environment.WorkingSet;
        GcHeapBytes = GC.GetTotalMemory(forceFullCollection: false);
    }
}
