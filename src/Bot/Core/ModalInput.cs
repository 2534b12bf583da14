using CineSync.Discord.Interactions.Routing;

namespace CineSync.Bot.Core;

/// <summary>A submitted form: who, its custom_id, and the text of each input by input id.</summary>
internal sealed record ModalInput(long UserId, CustomId CustomId, IReadOnlyDictionary<string, string> Values);
