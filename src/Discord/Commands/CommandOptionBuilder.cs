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

    public ApplicationCommandOptionType Type { get; }
    public string Name { get; }
    public string Description { get; }
    public bool Required { get; }

    /// <summary>Values are suggested while the user types (string, integer and number options).</summary>
    public bool Autocomplete { get; set; }

    public double? MinValue { get; set; }
    public double? MaxValue { get; set; }
    public int? MinLength { get; set; }
    public int? MaxLength { get; set; }

    public static CommandOptionBuilder String(string name, string description, bool required = false, bool autocomplete = false)
        => new(ApplicationCommandOptionType.String, name, description, required) { Autocomplete = autocomplete };

    public static CommandOptionBuilder Integer(string name, string description, bool required = false, long? min = null, long? max = null)
        => new(ApplicationCommandOptionType.Integer, name, description, required) { MinValue = min, MaxValue = max };

    public static CommandOptionBuilder Number(string name, string description, bool required = false, double? min = null, double? max = null)
        => new(ApplicationCommandOptionType.Number, name, description, required) { MinValue = min, MaxValue = max };

    public static CommandOptionBuilder Boolean(string name, string description, bool required = false)
        => new(ApplicationCommandOptionType.Boolean, name, description, required);

    public static CommandOptionBuilder User(string name, string description, bool required = false)
        => new(ApplicationCommandOptionType.User, name, description, required);

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
