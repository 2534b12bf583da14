using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Interactions;

/// <summary>The emulator's book-keeping for one interaction; mutated only under <see cref="EmulatorState.Sync"/>.</summary>
internal sealed class InteractionRecord
{
    public required ulong Id { get; init; }

    public required string Token { get; init; }

    public required int Type { get; init; }

    public required JsonObject Payload { get; init; }

    public required EmulatedUser User { get; init; }

    public required EmulatedChannel Channel { get; init; }

    /// <summary>For component interactions: the message whose component was used.</summary>
    public ulong? SourceMessageId { get; init; }

    public required DateTimeOffset DispatchedAt { get; init; }

    public required long DispatchedTimestamp { get; init; }

    public InteractionCallback? Callback { get; set; }

    /// <summary>The message @original refers to (reply, deferred placeholder, or the updated component message).</summary>
    public ulong? OriginalMessageId { get; set; }

    public List<ulong> FollowUpIds { get; } = [];

    /// <summary>Set by a type 5 callback: the first follow-up replaces the "thinking…" placeholder.</summary>
    public bool AwaitingDeferredReply { get; set; }
}
