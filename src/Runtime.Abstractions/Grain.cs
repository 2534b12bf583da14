namespace CineSync.Runtime;

/// <summary>
/// Base class of grain implementations. The runtime constructs grains (resolving constructor
/// parameters from DI and <see cref="PersistentStateAttribute"/>), calls
/// <see cref="OnActivateAsync"/> before the first call and <see cref="OnDeactivateAsync"/> when the
/// activation is collected or the silo shuts down. Grain code runs one turn at a time: it needs no
/// locks, and must not use <c>ConfigureAwait(false)</c> (continuations must return to the grain's turn).
/// </summary>
public abstract class Grain : IAddressable
{
    private readonly IGrainRuntimeContext _context;

    /// <summary>Binds the grain to the activation the runtime is creating.</summary>
    protected Grain()
    {
        _context = GrainRuntimeContext.Creating
            ?? throw new InvalidOperationException("Grains are created by the runtime: call them through IGrainFactory.GetGrain.");
    }

    /// <summary>This grain's identity.</summary>
    public GrainId GrainId => _context.GrainId;

    /// <summary>A short description of this activation for logs.</summary>
    public string IdentityString => _context.GrainId.ToString();

    /// <summary>Creates references to other grains.</summary>
    protected IGrainFactory GrainFactory => _context.GrainFactory;

    /// <summary>The silo's service provider.</summary>
    protected IServiceProvider ServiceProvider => _context.Services;

    /// <summary>Called once before the first call reaches this activation. A thrown exception fails that call.</summary>
    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called when the activation is collected, asked to deactivate, or the silo shuts down.</summary>
    public virtual Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Deactivates this activation once the current turn ends; the next call activates it again.</summary>
    protected void DeactivateOnIdle() => _context.DeactivateOnIdle();

    /// <summary>
    /// Starts a timer whose callback runs as a turn of this grain (never interleaved with calls, unless
    /// the grain is reentrant). Ticks are skipped while a previous tick is still running. The timer stops
    /// when disposed or when the activation deactivates, and does not keep the activation alive.
    /// </summary>
    protected IGrainTimer RegisterGrainTimer(Func<CancellationToken, Task> callback, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _context.RegisterTimer(static (state, ct) => ((Func<CancellationToken, Task>)state!)(ct), callback, dueTime, period);
    }

    /// <summary>As <see cref="RegisterGrainTimer(Func{CancellationToken, Task}, TimeSpan, TimeSpan)"/>, passing a state to the callback.</summary>
    protected IGrainTimer RegisterGrainTimer<TState>(Func<TState, CancellationToken, Task> callback, TState state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        return _context.RegisterTimer((_, ct) => callback(state, ct), null, dueTime, period);
    }
}
