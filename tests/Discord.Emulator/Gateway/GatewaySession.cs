using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Gateway;

/// <summary>
/// A gateway session: survives its socket, numbers its dispatches and keeps them so a RESUME can replay
/// what the bot missed. Mutated under the hub's lock.
/// </summary>
internal sealed class GatewaySession(string id, int shardId, int shardCount, int intents)
{
    private const int BufferLimit = 4096;
    private readonly List<(int Seq, string Text)> _buffer = [];

    public string Id { get; } = id;

    public int ShardId { get; } = shardId;

    public int ShardCount { get; } = shardCount;

    public int Intents { get; } = intents;

    public int Sequence { get; private set; }

    /// <summary>The sequence of the last dispatch sent with READY (READY plus its GUILD_CREATEs).</summary>
    public int ReadySequence { get; set; }

    /// <summary>False after a non-resumable INVALID_SESSION, a fatal close code, or a newer IDENTIFY on the shard.</summary>
    public bool Resumable { get; set; } = true;

    public GatewayConnection? Connection { get; set; }

    /// <summary>Numbers, stores and (when connected) sends a dispatch.</summary>
    public void Dispatch(string eventName, JsonNode? data)
    {
        Sequence++;
        var payload = new JsonObject { ["op"] = 0, ["t"] = eventName, ["s"] = Sequence, ["d"] = data };
        var text = payload.ToJsonString();
        _buffer.Add((Sequence, text));
        if (_buffer.Count > BufferLimit)
        {
            _buffer.RemoveAt(0);
        }

        Connection?.Enqueue(text);
    }

    /// <summary>The dispatches after <paramref name="sequence"/>, or null when the buffer no longer reaches back that far.</summary>
    public IReadOnlyList<string>? After(int sequence)
    {
        if (sequence > Sequence || (_buffer.Count > 0 && _buffer[0].Seq > sequence + 1))
        {
            return null;
        }

        return [.. _buffer.Where(entry => entry.Seq > sequence).Select(entry => entry.Text)];
    }
}
