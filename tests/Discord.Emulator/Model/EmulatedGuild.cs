using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Model;

/// <summary>A guild (server) with channels and members, created by a test.</summary>
public sealed class EmulatedGuild
{
    private readonly Func<ulong> _nextId;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<ulong, EmulatedChannel> _channels = new();
    private readonly ConcurrentDictionary<ulong, EmulatedMember> _members = new();

    internal EmulatedGuild(ulong id, string name, Func<ulong> nextId, TimeProvider time)
    {
        Id = id;
        Name = name;
        _nextId = nextId;
        _time = time;
    }

    /// <summary>Snowflake id; its timestamp bits pick the shard: <c>(id &gt;&gt; 22) % shard_count</c>.</summary>
    public ulong Id { get; }

    /// <summary>The id as Discord writes it.</summary>
    public string IdString => Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Guild name.</summary>
    public string Name { get; }

    /// <summary>Channels in creation order.</summary>
    public IReadOnlyList<EmulatedChannel> Channels => [.. _channels.Values.OrderBy(channel => channel.Id)];

    /// <summary>Members in join order.</summary>
    public IReadOnlyList<EmulatedMember> Members => [.. _members.Values.OrderBy(member => member.JoinedAt).ThenBy(member => member.User.Id)];

    /// <summary>The shard that receives this guild's events when the bot runs <paramref name="shardCount"/> shards.</summary>
    public int ShardFor(int shardCount) => (int)((Id >> 22) % (ulong)shardCount);

    /// <summary>Adds a text channel.</summary>
    public EmulatedChannel CreateTextChannel(string name)
    {
        var channel = new EmulatedChannel(_nextId(), this, name);
        _channels[channel.Id] = channel;
        ChannelCreated?.Invoke(channel);
        return channel;
    }

    /// <summary>Makes <paramref name="user"/> a member (idempotent).</summary>
    public EmulatedMember AddMember(EmulatedUser user, string? nick = null) =>
        _members.GetOrAdd(user.Id, _ => new EmulatedMember(user, nick, _time.GetUtcNow()));

    /// <summary>The membership of <paramref name="user"/>; scripted users are added on first use.</summary>
    public EmulatedMember MemberOf(EmulatedUser user) => AddMember(user);

    /// <summary>Lets the emulator index channels by id for REST routes.</summary>
    internal Action<EmulatedChannel>? ChannelCreated { get; set; }

    /// <summary>GUILD_CREATE's payload.</summary>
    internal JsonObject ToGuildCreate() => new()
    {
        ["id"] = IdString,
        ["name"] = Name,
        ["icon"] = null,
        ["owner_id"] = Members is [var owner, ..] ? owner.User.IdString : null,
        ["unavailable"] = false,
        ["large"] = false,
        ["member_count"] = _members.Count,
        ["preferred_locale"] = "en-US",
        ["features"] = new JsonArray(),
        ["roles"] = new JsonArray(),
        ["emojis"] = new JsonArray(),
        ["stickers"] = new JsonArray(),
        ["joined_at"] = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
        ["channels"] = new JsonArray([.. Channels.Select(channel => (JsonNode)channel.ToJson())]),
        ["threads"] = new JsonArray(),
        ["members"] = new JsonArray([.. Members.Select(member => (JsonNode)member.ToJson())]),
        ["voice_states"] = new JsonArray(),
        ["presences"] = new JsonArray(),
    };
}
