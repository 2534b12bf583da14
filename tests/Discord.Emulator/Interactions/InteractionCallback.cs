using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Interactions;

/// <summary>The bot's initial response to an interaction (POST /interactions/{id}/{token}/callback).</summary>
/// <param name="Type">Callback type: 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete, 9 modal.</param>
/// <param name="Data">The callback's <c>data</c>, as sent.</param>
/// <param name="Elapsed">Time from dispatch to the callback's arrival.</param>
/// <param name="IsLate">Whether it missed the acknowledgement deadline (3 s).</param>
public sealed record InteractionCallback(int Type, JsonObject? Data, TimeSpan Elapsed, bool IsLate)
{
    /// <summary>Whether the response is ephemeral (flag 64 in data.flags).</summary>
    public bool IsEphemeral => (((int?)Data?["flags"] ?? 0) & 64) != 0;

    /// <summary>Autocomplete choices (type 8), empty otherwise.</summary>
    public IReadOnlyList<JsonObject> Choices => [.. (Data?["choices"] as JsonArray ?? []).OfType<JsonObject>()];
}
