using System.Globalization;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Gateway;

/// <summary>What the gateway does with each opcode the client sends.</summary>
public sealed partial class EmulatedGateway
{
    private string? OnPayload(GatewayConnection connection, JsonNode? payload)
    {
        if (payload is not JsonObject message || message["op"] is not JsonValue opValue || !opValue.TryGetValue<int>(out var op))
        {
            connection.EnqueueClose(4002, "Error while decoding payload.");
            return null;
        }

        var data = message["d"];
        switch (op)
        {
            case 1:
                connection.HeartbeatsReceived++;
                connection.LastHeartbeatSequence = data is JsonValue last && last.TryGetValue<int>(out var sequence) ? sequence : -1;
                Record(GatewayEventKind.Heartbeat, $"#{connection.Id} d={data?.ToJsonString() ?? "null"}");
                return AcknowledgeHeartbeats ? """{"op":11}""" : null;
            case 2:
                Identify(connection, data as JsonObject);
                return null;
            case 6:
                Resume(connection, data as JsonObject);
                return null;
            case 3 or 4 or 8 or 31:
                if (connection.Session is null)
                {
                    connection.EnqueueClose(4003, "Not authenticated.");
                }

                return null;
            default:
                connection.EnqueueClose(4001, "Unknown opcode.");
                return null;
        }
    }

    private void Identify(GatewayConnection connection, JsonObject? data)
    {
        if (connection.Session is not null)
        {
            connection.EnqueueClose(4005, "Already authenticated.");
            return;
        }

        if (!IsOurToken((string?)data?["token"]))
        {
            Record(GatewayEventKind.Rejected, $"#{connection.Id} IDENTIFY with a wrong token");
            connection.EnqueueClose(4004, "Authentication failed.");
            return;
        }

        var shard = data!["shard"] as JsonArray;
        var shardId = (int?)shard?[0] ?? 0;
        var shardCount = (int?)shard?[1] ?? 1;
        if (shardCount < 1 || shardId < 0 || shardId >= shardCount)
        {
            connection.EnqueueClose(4010, "Invalid shard.");
            return;
        }

        if (data["intents"] is not JsonValue intentsValue || !intentsValue.TryGetValue<long>(out var intents) || intents < 0 || intents >= 1L << 26)
        {
            connection.EnqueueClose(4013, "Invalid intent(s).");
            return;
        }

        lock (_sync)
        {
            CheckIdentifyRate(shardId);
            foreach (var older in _sessions.Values.Where(session => session.ShardId == shardId))
            {
                older.Resumable = false; // a new IDENTIFY on the shard supersedes the old session
            }

            var session = new GatewaySession(NewSessionId(), shardId, shardCount, (int)intents) { Connection = connection };
            _sessions[session.Id] = session;
            connection.Session = session;
            var guilds = _state.Guilds.Values.Where(guild => guild.ShardFor(shardCount) == shardId).OrderBy(guild => guild.Id).ToList();
            session.Dispatch("READY", new JsonObject
            {
                ["v"] = 10,
                ["user"] = _state.BotUser.ToJson(),
                ["guilds"] = new JsonArray([.. guilds.Select(guild => (JsonNode)new JsonObject { ["id"] = guild.IdString, ["unavailable"] = true })]),
                ["session_id"] = session.Id,
                ["session_type"] = "normal",
                ["resume_gateway_url"] = _gatewayUrl() + "/resume",
                ["shard"] = new JsonArray(shardId, shardCount),
                ["application"] = new JsonObject { ["id"] = _state.BotUser.IdString, ["flags"] = 0 },
                ["private_channels"] = new JsonArray(),
                ["relationships"] = new JsonArray(),
                ["presences"] = new JsonArray(),
                ["_trace"] = new JsonArray("[\"emulator\"]"),
            });
            foreach (var guild in guilds)
            {
                session.Dispatch("GUILD_CREATE", guild.ToGuildCreate());
            }

            session.ReadySequence = session.Sequence;
        }

        Record(GatewayEventKind.Identified, string.Create(CultureInfo.InvariantCulture, $"#{connection.Id} shard [{shardId}, {shardCount}] intents {intents}"));
    }

    private void Resume(GatewayConnection connection, JsonObject? data)
    {
        if (!IsOurToken((string?)data?["token"]))
        {
            connection.EnqueueClose(4004, "Authentication failed.");
            return;
        }

        var sessionId = (string?)data!["session_id"] ?? "";
        var sequence = data["seq"] is JsonValue seqValue && seqValue.TryGetValue<int>(out var seq) ? seq : 0;
        lock (_sync)
        {
            if (!_sessions.TryGetValue(sessionId, out var session) || !session.Resumable)
            {
                Record(GatewayEventKind.Rejected, $"#{connection.Id} RESUME of unknown or ended session {sessionId}");
                connection.Enqueue("""{"op":9,"d":false}""");
                return;
            }

            if (session.After(sequence) is not { } missed)
            {
                connection.EnqueueClose(4007, "Invalid seq.");
                session.Resumable = false;
                return;
            }

            if (session.Connection is { } previous && previous != connection)
            {
                previous.Abort();
            }

            session.Connection = connection;
            connection.Session = session;
            foreach (var text in missed)
            {
                connection.Enqueue(text);
            }

            session.Dispatch("RESUMED", new JsonObject { ["_trace"] = new JsonArray("[\"emulator\"]") });
            Record(GatewayEventKind.Resumed, string.Create(CultureInfo.InvariantCulture, $"#{connection.Id} session {sessionId} from seq {sequence}, replayed {missed.Count}"));
        }
    }

    private bool IsOurToken(string? token) =>
        token is not null && (token == _state.Options.BotToken || token == "Bot " + _state.Options.BotToken);
}
