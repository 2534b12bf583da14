namespace CineSync.Discord.Commands;

/// <summary>Option types of application commands.</summary>
public enum ApplicationCommandOptionType
{
    /// <summary>A subcommand (its own options follow).</summary>
    SubCommand = 1,
    /// <summary>A group of subcommands.</summary>
    SubCommandGroup = 2,
    /// <summary>Text.</summary>
    String = 3,
    /// <summary>A whole number (Discord accepts −2^53 to 2^53).</summary>
    Integer = 4,
    /// <summary>True or false.</summary>
    Boolean = 5,
    /// <summary>A user of the guild.</summary>
    User = 6,
    /// <summary>A channel.</summary>
    Channel = 7,
    /// <summary>A role.</summary>
    Role = 8,
    /// <summary>A user or a role.</summary>
    Mentionable = 9,
    /// <summary>A decimal number.</summary>
    Number = 10,
    /// <summary>An uploaded file.</summary>
    Attachment = 11,
}
