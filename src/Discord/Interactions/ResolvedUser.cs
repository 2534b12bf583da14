namespace CineSync.Discord.Interactions;

/// <summary>A user named by an option or a user select, with their guild membership when Discord resolved it.</summary>
public sealed record ResolvedUser(DiscordUser User, GuildMember? Member)
{
    /// <summary>The server nickname if set, else the display name.</summary>
    public string DisplayName => Member?.Nickname ?? User.DisplayName;
}
