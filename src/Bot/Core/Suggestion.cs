namespace CineSync.Bot.Core;

/// <summary>An autocomplete suggestion: what the user sees, and the value the option receives.</summary>
internal sealed record Suggestion(string Name, string Value);
