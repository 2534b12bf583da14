using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Rest;

namespace CineSync.Discord.Emulator;

/// <summary>Shortcuts for the checks and disruptions end-to-end tests use most.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>Requests sent to a rate-limited bucket before retry_after elapsed (same as <c>RateLimits.EarlyRetries</c>).</summary>
    public IReadOnlyList<EarlyRetry> EarlyRetries => RateLimits.EarlyRetries;

    /// <summary>Every interaction dispatched so far, oldest first.</summary>
    public IReadOnlyList<InteractionHandle> Interactions =>
        [.. _state.Interactions.Values.OrderBy(record => record.Id).Select(record => new InteractionHandle(_state, record))];

    /// <summary>Interactions whose deadline (3 s) has passed with no acknowledgement. Should stay empty.</summary>
    public IReadOnlyList<InteractionHandle> UnacknowledgedInteractions =>
        [.. Interactions.Where(handle => handle.Response is null && _state.Time.GetElapsedTime(_state.Interactions[handle.Id].DispatchedTimestamp) > _state.Options.AcknowledgementDeadline)];

    /// <summary>Aborts every gateway socket without a close frame (sessions stay resumable).</summary>
    public Task DropConnectionsAsync() => Gateway.DropConnectionsAsync();

    /// <summary>Sends RECONNECT (op 7).</summary>
    public Task SendReconnectAsync() => Gateway.SendReconnectAsync();

    /// <summary>Sends INVALID_SESSION (op 9) with <paramref name="resumable"/>.</summary>
    public Task SendInvalidSessionAsync(bool resumable) => Gateway.SendInvalidSessionAsync(resumable);

    /// <summary>Closes every gateway socket with <paramref name="code"/>.</summary>
    public Task CloseWithAsync(int code, string reason = "") => Gateway.CloseWithAsync(code, reason);
}
