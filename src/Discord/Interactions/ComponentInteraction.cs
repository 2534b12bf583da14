using CineSync.Discord.JsonModels;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Interactions;

/// <summary>A button press or a select choice on a message the bot sent.</summary>
public sealed class ComponentInteraction : Interaction
{
    internal ComponentInteraction(JsonInteraction json)
        : base(json)
    {
        ResolvedUsers = ResolveUsers(json.Data?.Resolved);
    }

    /// <summary>The custom_id of the button or select used.</summary>
    public string CustomId => Json.Data?.CustomId ?? "";
    /// <summary>What kind of component was used.</summary>
    public ComponentType ComponentType => (ComponentType)(Json.Data?.ComponentType ?? 0);

    /// <summary>The chosen values of a select (user ids for a user select).</summary>
    public IReadOnlyList<string> Values => Json.Data?.Values ?? [];

    /// <summary>Users chosen in a user select.</summary>
    public IReadOnlyDictionary<ulong, ResolvedUser> ResolvedUsers { get; }

    /// <summary>The message holding the component.</summary>
    public JsonMessage? Message => Json.Message;
}
