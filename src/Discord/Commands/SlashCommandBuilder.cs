using System.Text.RegularExpressions;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Commands;

/// <summary>A slash (CHAT_INPUT) command definition, validated against Discord's naming and size rules.</summary>
public sealed partial class SlashCommandBuilder(string name, string description)
{
    private readonly List<CommandOptionBuilder> _options = [];

    /// <summary>The command's name, as typed after the slash.</summary>
    public string Name { get; } = name;
    /// <summary>What the command does, shown in Discord's command list.</summary>
    public string Description { get; } = description;

    /// <summary>Permission bit set a member needs by default ("0" = admins only); null = everyone.</summary>
    public string? DefaultMemberPermissions { get; set; }

    /// <summary>Where the command is offered: 0 guild, 1 bot DM, 2 private channel. Null = Discord's default.</summary>
    public IReadOnlyList<int>? Contexts { get; set; }

    /// <summary>Adds an option (at most 25); returns this builder.</summary>
    public SlashCommandBuilder AddOption(CommandOptionBuilder option)
    {
        ArgumentNullException.ThrowIfNull(option);
        _options.Add(option);
        return this;
    }

    /// <summary>Checks every limit and builds the definition sent to bulk overwrite.</summary>
    public JsonApplicationCommand Build()
    {
        CheckName(Name, "Command");
        DiscordLimits.Length(Description, DiscordLimits.CommandDescription, $"Command '{Name}' description", min: 1);
        return new JsonApplicationCommand
        {
            Name = Name,
            Type = 1,
            Description = Description,
            DefaultMemberPermissions = DefaultMemberPermissions,
            Contexts = Contexts is null ? null : [.. Contexts],
            Options = _options.Count > 0 ? BuildOptions(_options, Name) : null,
        };
    }

    internal static JsonCommandOption[] BuildOptions(IReadOnlyList<CommandOptionBuilder> options, string owner)
    {
        DiscordLimits.Count(options.Count, DiscordLimits.CommandOptions, $"Options of '{owner}'");
        var seenOptional = false;
        foreach (var option in options)
        {
            if (option.Required && seenOptional)
            {
                throw new DiscordLimitException($"Required option '{option.Name}' of '{owner}' must come before the optional ones.");
            }

            seenOptional |= !option.Required;
        }

        var names = options.GroupBy(o => o.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
        {
            throw new DiscordLimitException($"'{owner}' has two options named '{names.Key}'.");
        }

        return [.. options.Select(o => o.Build())];
    }

    internal static void CheckName(string name, string what)
    {
        DiscordLimits.Length(name, DiscordLimits.CommandName, $"{what} name", min: 1);
        if (!NamePattern().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            throw new DiscordLimitException($"{what} name '{name}' must be 1-32 lowercase letters, digits, '-', '_' or '\\''.");
        }
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}\p{IsDevanagari}\p{IsThai}]{1,32}$")]
    private static partial Regex NamePattern();
}
