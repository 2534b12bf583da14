namespace CineSync.Discord.Gateway;

/// <summary>Gateway intents (which events Discord sends). Interactions need none.</summary>
[Flags]
public enum GatewayIntents
{
    /// <summary>No events.</summary>
    None = 0,
    /// <summary>Guilds, channels and roles being created, changed and removed.</summary>
    Guilds = 1 << 0,
    /// <summary>Members joining, changing and leaving (privileged).</summary>
    GuildMembers = 1 << 1,
    /// <summary>Messages in guild channels.</summary>
    GuildMessages = 1 << 9,
    /// <summary>Reactions to messages in guild channels.</summary>
    GuildMessageReactions = 1 << 10,
    /// <summary>Direct messages.</summary>
    DirectMessages = 1 << 12,
    /// <summary>The content of messages (privileged).</summary>
    MessageContent = 1 << 15,
}
