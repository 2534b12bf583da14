using CineSync.Discord.Interactions.Routing;

namespace CineSync.Bot.Core;

/// <summary>A button press: who pressed, and the button's custom_id (prefix and arguments).</summary>
internal sealed record ComponentInput(long UserId, CustomId CustomId);
