using CineSync.Discord.JsonModels;

namespace CineSync.Discord.Interactions;

/// <summary>
/// An interaction as the app sees it. <see cref="Create"/> picks the subtype: commands,
/// autocomplete, components, modal submits, or ping.
/// </summary>
public abstract class Interaction
{
    private protected Interaction(JsonInteraction json)
    {
        Json = json;
        var jsonUser = json.Member?.User ?? json.User;
        User = jsonUser is null ? DiscordUser.Unknown : DiscordUser.From(jsonUser);
        Member = json.Member is null ? null : GuildMember.From(User.Id, json.Member);
    }

    /// <summary>The interaction's id.</summary>
    public ulong Id => Json.Id;
    /// <summary>The id of the application (bot) it is for.</summary>
    public ulong ApplicationId => Json.ApplicationId;

    /// <summary>The token for answering and follow-ups; valid 15 minutes. Never log it.</summary>
    public string Token => Json.Token;

    /// <summary>What kind of interaction this is.</summary>
    public InteractionType Type => (InteractionType)Json.Type;
    /// <summary>The guild it came from; null in a direct message.</summary>
    public ulong? GuildId => Json.GuildId;
    /// <summary>The channel it came from.</summary>
    public ulong? ChannelId => Json.ChannelId;
    /// <summary>The user's language, such as <c>en-US</c>.</summary>
    public string? Locale => Json.Locale;

    /// <summary>Who invoked it (the member's user in a guild, the user in a DM).</summary>
    public DiscordUser User { get; }

    /// <summary>The user as a member of the guild; null in a direct message.</summary>
    public GuildMember? Member { get; }

    /// <summary>The raw wire object.</summary>
    public JsonInteraction Json { get; }

    /// <summary>Wraps a received interaction in its typed model.</summary>
    public static Interaction Create(JsonInteraction json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return (InteractionType)json.Type switch
        {
            InteractionType.Ping => new PingInteraction(json),
            InteractionType.ApplicationCommand => new ApplicationCommandInteraction(json),
            InteractionType.ApplicationCommandAutocomplete => new AutocompleteInteraction(json),
            InteractionType.MessageComponent => new ComponentInteraction(json),
            InteractionType.ModalSubmit => new ModalSubmitInteraction(json),
            _ => new UnknownInteraction(json),
        };
    }

    internal static IReadOnlyDictionary<ulong, ResolvedUser> ResolveUsers(JsonResolvedData? resolved)
    {
        if (resolved?.Users is not { Count: > 0 } users)
        {
            return new Dictionary<ulong, ResolvedUser>();
        }

        var result = new Dictionary<ulong, ResolvedUser>(users.Count);
        foreach (var (id, user) in users)
        {
            var member = resolved.Members is not null && resolved.Members.TryGetValue(id, out var m) ? GuildMember.From(id, m) : null;
            result[id] = new ResolvedUser(DiscordUser.From(user), member);
        }

        return result;
    }
}

/// <summary>Discord checking an HTTP interactions endpoint; answered with PONG.</summary>
public sealed class PingInteraction : Interaction
{
    internal PingInteraction(JsonInteraction json)
        : base(json)
    {
    }
}

/// <summary>An interaction type this client does not model; <see cref="Interaction.Json"/> has the data.</summary>
public sealed class UnknownInteraction : Interaction
{
    internal UnknownInteraction(JsonInteraction json)
        : base(json)
    {
    }
}
