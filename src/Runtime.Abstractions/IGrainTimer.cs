namespace CineSync.Runtime;

/// <summary>A timer registered by a grain; disposing it stops it.</summary>
public interface IGrainTimer : IDisposable
{
    /// <summary>Changes when the timer next fires and its period.</summary>
    void Change(TimeSpan dueTime, TimeSpan period);
}
