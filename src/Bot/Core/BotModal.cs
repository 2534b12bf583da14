namespace CineSync.Bot.Core;

/// <summary>A form of up to five short text inputs.</summary>
internal sealed record BotModal(string CustomId, string Title, IReadOnlyList<BotTextInput> Inputs);

/// <summary>One input of a form.</summary>
internal sealed record BotTextInput(string CustomId, string Label, string? Placeholder = null, bool Required = false);
