using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Interactions;

/// <summary>The user is typing into an autocomplete option; answer with up to 25 choices.</summary>
public sealed class AutocompleteInteraction : ApplicationCommandInteraction
{
    internal AutocompleteInteraction(JsonInteraction json)
        : base(json)
    {
    }

    /// <summary>The option being typed.</summary>
    public CommandOption? FocusedOption => Options.FirstOrDefault(o => o.Focused);

    /// <summary>What the user has typed so far.</summary>
    public string FocusedText => FocusedOption?.AsString() ?? "";
}
