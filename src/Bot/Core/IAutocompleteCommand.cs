namespace CineSync.Bot.Core;

/// <summary>A command with an autocompleted option.</summary>
internal interface IAutocompleteCommand
{
    Task<IReadOnlyList<Suggestion>> SuggestAsync(CommandInput input, string option, string text, CancellationToken cancellationToken);
}
