using System.Globalization;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Model;

/// <summary>
/// One version of a message the bot created (channel message, interaction reply or follow-up). Edits produce
/// a new version with the same <see cref="Id"/>; the emulator always hands out the latest.
/// </summary>
public sealed record EmulatedMessage
{
    /// <summary>Message flag: only the invoking user sees it.</summary>
    public const int EphemeralFlag = 64;

    /// <summary>Message flag: a deferred reply showing "thinking…".</summary>
    public const int LoadingFlag = 128;

    /// <summary>Snowflake id.</summary>
    public required ulong Id { get; init; }

    /// <summary>The channel it was posted in.</summary>
    public required EmulatedChannel Channel { get; init; }

    /// <summary>Author (the bot).</summary>
    public required EmulatedUser Author { get; init; }

    /// <summary>Text content ("" when none).</summary>
    public string Content { get; init; } = "";

    /// <summary>Embeds exactly as the bot sent them. Treat as read-only.</summary>
    public JsonArray Embeds { get; init; } = [];

    /// <summary>Components exactly as the bot sent them. Treat as read-only.</summary>
    public JsonArray Components { get; init; } = [];

    /// <summary>Message flags (64 ephemeral, 128 loading…).</summary>
    public int Flags { get; init; }

    /// <summary>Uploaded files.</summary>
    public IReadOnlyList<EmulatedAttachment> Attachments { get; init; } = [];

    /// <summary>The interaction this message answers, if any.</summary>
    public ulong? InteractionId { get; init; }

    /// <summary>Posted with the interaction's webhook after the initial response.</summary>
    public bool IsFollowUp { get; init; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Last edit, if edited.</summary>
    public DateTimeOffset? EditedTimestamp { get; init; }

    /// <summary>Deleted by the bot.</summary>
    public bool IsDeleted { get; init; }

    /// <summary>1 for the first version, +1 per edit.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Whether only the invoking user can see it.</summary>
    public bool IsEphemeral => (Flags & EphemeralFlag) != 0;

    /// <summary>Whether it is still a deferred "thinking…" placeholder.</summary>
    public bool IsLoading => (Flags & LoadingFlag) != 0;

    /// <summary>The id as Discord writes it.</summary>
    public string IdString => Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every interactive component (buttons, selects) anywhere in the component tree.</summary>
    public IEnumerable<JsonObject> InteractiveComponents => Flatten(Components).Where(component => component["custom_id"] is not null);

    /// <summary>The component with <paramref name="customId"/>, or null.</summary>
    public JsonObject? FindComponent(string customId) =>
        InteractiveComponents.FirstOrDefault(component => (string?)component["custom_id"] == customId);

    /// <summary>All embed titles and descriptions and field names/values, for loose text assertions.</summary>
    public string EmbedText => string.Join('\n', Embeds.OfType<JsonObject>().SelectMany(EmbedStrings));

    /// <summary>The message object as REST returns it and interactions carry it.</summary>
    public JsonObject ToJson()
    {
        var message = new JsonObject
        {
            ["id"] = IdString,
            ["type"] = InteractionId is null || IsFollowUp ? 0 : 20,
            ["channel_id"] = Channel.IdString,
            ["guild_id"] = Channel.Guild.IdString,
            ["author"] = Author.ToJson(),
            ["content"] = Content,
            ["timestamp"] = Timestamp.ToString("O", CultureInfo.InvariantCulture),
            ["edited_timestamp"] = EditedTimestamp?.ToString("O", CultureInfo.InvariantCulture),
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray([.. Attachments.Select(attachment => (JsonNode)attachment.ToJson())]),
            ["embeds"] = Embeds.DeepClone(),
            ["components"] = Components.DeepClone(),
            ["pinned"] = false,
            ["flags"] = Flags,
        };
        if (InteractionId is not null)
        {
            message["webhook_id"] = Author.IdString;
            message["application_id"] = Author.IdString;
        }

        return message;
    }

    private static IEnumerable<JsonObject> Flatten(JsonArray? components)
    {
        foreach (var component in (components ?? []).OfType<JsonObject>())
        {
            yield return component;
            foreach (var inner in Flatten(component["components"] as JsonArray))
            {
                yield return inner;
            }

            if (component["accessory"] is JsonObject accessory)
            {
                yield return accessory;
            }

            if (component["component"] is JsonObject child)
            {
                yield return child;
            }
        }
    }

    private static IEnumerable<string> EmbedStrings(JsonObject embed)
    {
        foreach (var key in new[] { "title", "description" })
        {
            if (embed[key] is JsonValue value)
            {
                yield return value.ToString();
            }
        }

        foreach (var field in (embed["fields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return $"{field["name"]}: {field["value"]}";
        }
    }
}
