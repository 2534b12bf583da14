using System.Text.Json;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Gateway;

/// <summary>A dispatch (op 0) received on a shard: READY, RESUMED, INTERACTION_CREATE, GUILD_CREATE, …</summary>
/// <param name="ShardId">The shard it arrived on.</param>
/// <param name="Name">The event name (<c>t</c>).</param>
/// <param name="Sequence">Its sequence number (<c>s</c>).</param>
/// <param name="Data">The raw payload (<c>d</c>).</param>
public sealed record GatewayEvent(int ShardId, string Name, int? Sequence, JsonElement Data)
{
    /// <summary>The dispatch that opens a session.</summary>
    public const string Ready = "READY";
    /// <summary>The dispatch that confirms a resumed session.</summary>
    public const string Resumed = "RESUMED";
    /// <summary>The dispatch carrying an interaction (a command, a button press, a form).</summary>
    public const string InteractionCreate = "INTERACTION_CREATE";
    /// <summary>The dispatch describing a guild the bot is in.</summary>
    public const string GuildCreate = "GUILD_CREATE";

    /// <summary>The interaction of an INTERACTION_CREATE, else null.</summary>
    public JsonInteraction? AsInteraction()
        => Name == InteractionCreate ? Data.Deserialize(DiscordJsonContext.Default.JsonInteraction) : null;

    /// <summary>The guild of a GUILD_CREATE, else null.</summary>
    public JsonGuild? AsGuild()
        => Name == GuildCreate ? Data.Deserialize(DiscordJsonContext.Default.JsonGuild) : null;

    /// <summary>The READY payload, else null.</summary>
    public JsonReady? AsReady()
        => Name == Ready ? Data.Deserialize(DiscordJsonContext.Default.JsonReady) : null;
}
