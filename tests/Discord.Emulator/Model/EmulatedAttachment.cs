using System.Globalization;
using System.Text.Json.Nodes;

namespace CineSync.Discord.Emulator.Model;

/// <summary>A file the bot uploaded (multipart <c>files[n]</c>).</summary>
/// <param name="Id">Snowflake id.</param>
/// <param name="FileName">The file name.</param>
/// <param name="ContentType">The part's content type.</param>
/// <param name="Content">The bytes.</param>
public sealed record EmulatedAttachment(ulong Id, string FileName, string? ContentType, ReadOnlyMemory<byte> Content)
{
    /// <summary>The attachment object.</summary>
    public JsonObject ToJson() => new()
    {
        ["id"] = Id.ToString(CultureInfo.InvariantCulture),
        ["filename"] = FileName,
        ["size"] = Content.Length,
        ["content_type"] = ContentType,
        ["url"] = $"https://cdn.discordapp.com/attachments/{Id}/{Uri.EscapeDataString(FileName)}",
        ["proxy_url"] = $"https://media.discordapp.net/attachments/{Id}/{Uri.EscapeDataString(FileName)}",
    };
}
