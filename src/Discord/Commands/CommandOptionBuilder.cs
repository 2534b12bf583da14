using System.Text.Json;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Commands;

/// <summary>An option of a slash command. Create with the static factories.</summary>
public sealed class CommandOptionBuilder
{
    private readonly List<JsonCommandOptionChoice> _choices = [];
    private readonly List<CommandOptionBuilder> _options = [];

    private CommandOptionBuilder(ApplicationCommandOptionType type, string name, string description, bool required)
    {
        Type = type;
        Name = name;
        Description = description;
        Required = required;
    }

    /// <summary>What kind of value the option takes.</summary>
    public ApplicationCommandOptionType Type { get; }
    /// <summary>The option's name, as typed (lower case, 1–32 characters).</summary>
    public string Name { get; }
    /// <summary>What the option is for, shown while typing (1–100 characters).</summary>
    public string Description { get; }
    /// <summary>Whether the command cannot be sent without it.</summary>
    public bool Required { get; }

    /// <summary>Values are suggested while the user types (string, integer and number options).</summary>
    public bool Autocomplete { get; set; }

    /// <summary>The smallest number accepted (integer and number options).</summary>
    public double? MinValue { get; set; }
    /// <summary>The largest number accepted (integer and number options).</summary>
    public double? MaxValue { get; set; }
    /// <summary>The shortest text accepted (string options).</summary>
    public int? MinLength { get; set; }
    /// <summary>The longest text accepted (string options).</summary>
    public int? MaxLength { get; set; }

    /// <summary>A text option; <paramref name="autocomplete"/> asks the bot for suggestions while the user types.</summary>
    public static CommandOptionBuilder String(string name, string description, bool required = false, bool autocomplete = false)
        => new(ApplicationCommandOptionType.String, name, description, required) { Autocomplete = autocomplete };

    /// <summary>A whole-number option, optionally between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static CommandOptionBuilder Integer(string name, string description, bool required = false, long? min = null, long? max = null)
        => new(ApplicationCommandOptionType.Integer, name, description, required) { MinValue = min, MaxValue = max };

    /// <summary>A decimal-number option, optionally between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public static CommandOptionBuilder Number(string name, string description, bool required = false, double? min = null, double? max = null)
        => new(ApplicationCommandOptionType.Number, name, description, required) { MinValue = min, MaxValue = max };

    /// <summary>A true/false option.</summary>
    public static CommandOptionBuilder Boolean(string name, string description, bool required = false)
        => new(ApplicationCommandOptionType.Boolean, name, description, required);

    /// <summary>An option naming a user.</summary>
    public static CommandOptionBuilder User(string name, string description, bool required = false)
        => new(ApplicationCommandOptionType.User, name, description, required);

    /// <summary>A subcommand with its own <paramref name="options"/>.</summary>
    public static CommandOptionBuilder SubCommand(string name, string description, params CommandOptionBuilder[] options)
    {
        var builder = new CommandOptionBuilder(ApplicationCommandOptionType.SubCommand, name, description, required: false);
        builder._options.AddRange(options);
        return builder;
    }

    /// <summary>Adds a fixed choice (string options).</summary>
    public CommandOptionBuilder AddChoice(string name, string value)
        => AddChoice(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.String));

    /// <summary>Adds a fixed choice (integer options).</summary>
    public CommandOptionBuilder AddChoice(string name, long value)
        => AddChoice(name, JsonSerializer.SerializeToElement(value, DiscordJsonContext.Default.Int64));

    private CommandOptionBuilder AddChoice(string name, JsonElement value)
    {
        _choices.Add(new JsonCommandOptionChoice { Name = name, Value = value });
        return this;
    }

    internal JsonCommandOption Build()
    {
        SlashCommandBuilder.CheckName(Name, "Option");
        DiscordLimits.Length(Description, DiscordLimits.CommandDescription, $"Option '{Name}' description", min: 1);
        Choices.Check(_choices, $"Option '{Name}'");
        if (Autocomplete && _choices.Count > 0)
        {
            throw new DiscordLimitException($"Option '{Name}' cannot have both choices and autocomplete.");
        }

        DiscordLimits.Count(_options.Count, DiscordLimits.CommandOptions, $"Options of '{Name}'");
        return new JsonCommandOption
        {
            Type = (int)Type,
            Name = Name,
            Description = Description,
            Required = Required ? true : null,
            Autocomplete = Autocomplete ? true : null,
            MinValue = MinValue,
            MaxValue = MaxValue,
            MinLength = MinLength,
            MaxLength = MaxLength,
            Choices = _choices.Count > 0 ? [.. _choices] : null,
            Options = _options.Count > 0 ? SlashCommandBuilder.BuildOptions(_options, Name) : null,
        };
    }
}
