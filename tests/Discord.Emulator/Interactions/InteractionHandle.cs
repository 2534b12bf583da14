using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Interactions;

/// <summary>
/// An interaction the emulator dispatched to the bot. Await the bot's acknowledgement and the messages it
/// produced; everything reads the emulator's live state, so values change as the bot responds.
/// </summary>
public sealed class InteractionHandle
{
    private readonly EmulatorState _state;
    private readonly InteractionRecord _record;

    internal InteractionHandle(EmulatorState state, InteractionRecord record)
    {
        _state = state;
        _record = record;
    }

    /// <summary>Interaction id.</summary>
    public ulong Id => _record.Id;

    /// <summary>Interaction token (for callback and webhook URLs).</summary>
    public string Token => _record.Token;

    /// <summary>Interaction type: 2 command, 3 component, 4 autocomplete, 5 modal submit.</summary>
    public int Type => _record.Type;

    /// <summary>The user who acted.</summary>
    public EmulatedUser User => _record.User;

    /// <summary>Where.</summary>
    public EmulatedChannel Channel => _record.Channel;

    /// <summary>A copy of the INTERACTION_CREATE payload as dispatched.</summary>
    public JsonObject Payload => (JsonObject)_record.Payload.DeepClone();

    /// <summary>What it was, e.g. <c>/recommend</c> or <c>component vote:1</c>.</summary>
    public string Description => Rest.RestHandlers.Describe(_record);

    /// <summary>The bot's callback, or null while unacknowledged.</summary>
    public InteractionCallback? Response => _record.Callback;

    /// <summary>The data of a modal the bot opened (callback type 9), or null.</summary>
    public JsonObject? Modal => _record.Callback is { Type: 9 } callback ? callback.Data : null;

    /// <summary>The message @original refers to now (reply, deferred placeholder or updated component message).</summary>
    public EmulatedMessage? OriginalMessage =>
        _record.OriginalMessageId is { } id && _state.Messages.TryGetValue(id, out var message) ? message : null;

    /// <summary>Follow-up messages, oldest first.</summary>
    public IReadOnlyList<EmulatedMessage> FollowUps
    {
        get
        {
            lock (_state.Sync)
            {
                return [.. _record.FollowUpIds.Select(id => _state.Messages[id])];
            }
        }
    }

    /// <summary>Waits for the acknowledgement (any callback type).</summary>
    public Task<InteractionCallback> WaitForResponseAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _state.Changed.WaitAsync(() => _record.Callback, timeout ?? _state.Options.WaitTimeout, () => $"the bot to acknowledge {Description}{Context()}", cancellationToken);

    /// <summary>
    /// Waits for @original to satisfy <paramref name="until"/>; by default until it exists and is no longer
    /// a deferred "thinking…" placeholder.
    /// </summary>
    public Task<EmulatedMessage> WaitForOriginalMessageAsync(Func<EmulatedMessage, bool>? until = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        until ??= message => !message.IsLoading;
        return _state.Changed.WaitAsync(
            () => OriginalMessage is { } message && until(message) ? message : null,
            timeout ?? _state.Options.WaitTimeout,
            () => $"the original response to {Description} (now: {OriginalMessage?.Content ?? "none"}){Context()}",
            cancellationToken);
    }

    /// <summary>Waits for a follow-up satisfying <paramref name="until"/> (default: any).</summary>
    public Task<EmulatedMessage> WaitForFollowUpAsync(Func<EmulatedMessage, bool>? until = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        until ??= _ => true;
        return _state.Changed.WaitAsync(
            () => FollowUps.FirstOrDefault(until),
            timeout ?? _state.Options.WaitTimeout,
            () => $"a follow-up to {Description} ({FollowUps.Count} so far){Context()}",
            cancellationToken);
    }

    /// <summary>Waits for any visible answer (non-loading original or a follow-up) satisfying <paramref name="until"/>.</summary>
    public Task<EmulatedMessage> WaitForReplyAsync(Func<EmulatedMessage, bool>? until = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        until ??= _ => true;
        return _state.Changed.WaitAsync(
            () => new[] { OriginalMessage }.Concat(FollowUps).FirstOrDefault(message => message is { IsLoading: false, IsDeleted: false } && until(message)),
            timeout ?? _state.Options.WaitTimeout,
            () => $"a reply to {Description}{Context()}",
            cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Description} #{Id}";

    private string Context()
    {
        var violations = _state.Violations.ToArray();
        var recent = _state.Requests.ToArray().TakeLast(5);
        return $"; recent requests: [{string.Join(", ", recent)}]; gateway: [{_state.GatewaySummary()}]"
            + (violations.Length > 0 ? $"; contract violations: [{string.Join(", ", violations)}]" : "");
    }
}
