namespace CineSync.Runtime;

/// <summary>
/// Runs around every call a silo delivers to a grain. Register silo-wide filters with
/// <c>AddIncomingGrainCallFilter</c>; a grain class that implements this interface also filters its own calls
/// (after the silo-wide ones). Call <see cref="IIncomingGrainCallContext.Invoke"/> to continue.
/// </summary>
public interface IIncomingGrainCallFilter
{
    /// <summary>Handles the call, normally calling <see cref="IIncomingGrainCallContext.Invoke"/>.</summary>
    Task Invoke(IIncomingGrainCallContext context);
}
