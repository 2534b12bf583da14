using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>Creating and editing messages from message-create/edit bodies, with Discord's content rules.</summary>
internal static class MessageWrites
{
    /// <summary>Flags a bot may set when creating: ephemeral, suppress embeds/notifications, components v2.</summary>
    private const int CreatableFlags = 64 | 4 | 4096 | 32768;

    public static EmulatedMessage Create(EmulatorState state, EmulatedChannel channel, JsonObject? data, IReadOnlyList<EmulatedAttachment> files, ulong? interactionId, bool followUp, int extraFlags = 0) => new()
    {
        Id = state.Ids.Next(),
        Channel = channel,
        Author = state.BotUser,
        Content = (string?)data?["content"] ?? "",
        Embeds = data?["embeds"] is JsonArray embeds ? (JsonArray)embeds.DeepClone() : [],
        Components = data?["components"] is JsonArray components ? (JsonArray)components.DeepClone() : [],
        Flags = ((int?)data?["flags"] ?? 0) & CreatableFlags | extraFlags,
        Attachments = files,
        InteractionId = interactionId,
        IsFollowUp = followUp,
        Timestamp = state.Time.GetUtcNow(),
    };

    /// <summary>Applies an edit: fields present in <paramref name="data"/> replace, absent ones stay; the loading flag clears.</summary>
    public static EmulatedMessage Edit(EmulatorState state, EmulatedMessage message, JsonObject? data, IReadOnlyList<EmulatedAttachment> files)
    {
        data ??= [];
        var attachments = message.Attachments;
        if (data.ContainsKey("attachments"))
        {
            var kept = (data["attachments"] as JsonArray ?? []).Select(item => (string?)item?["id"]).ToHashSet();
            attachments = [.. message.Attachments.Where(attachment => kept.Contains(attachment.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        }

        return message with
        {
            Content = data.ContainsKey("content") ? (string?)data["content"] ?? "" : message.Content,
            Embeds = data.ContainsKey("embeds") ? (JsonArray?)data["embeds"]?.DeepClone() ?? [] : message.Embeds,
            Components = data.ContainsKey("components") ? (JsonArray?)data["components"]?.DeepClone() ?? [] : message.Components,
            Flags = message.Flags & ~EmulatedMessage.LoadingFlag,
            Attachments = [.. attachments, .. files],
            EditedTimestamp = state.Time.GetUtcNow(),
            Version = message.Version + 1,
        };
    }

    /// <summary>Discord refuses a message with no content, embeds, components, files or poll (50006).</summary>
    public static bool IsEmpty(JsonObject? data, IReadOnlyList<EmulatedAttachment> files) =>
        files.Count == 0
        && string.IsNullOrEmpty((string?)data?["content"])
        && (data?["embeds"] as JsonArray ?? []).Count == 0
        && (data?["components"] as JsonArray ?? []).Count == 0
        && data?["poll"] is null
        && data?["sticker_ids"] is null;

    public static RestResult EmptyMessage() => DiscordErrors.Error(400, "Cannot send an empty message", 50006);
}
