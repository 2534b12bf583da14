namespace CineSync.Discord.Messages;

/// <summary>A file uploaded with a message (multipart <c>files[n]</c>).</summary>
/// <param name="FileName">The name users see, such as <c>my-data.json</c>.</param>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Description">Alt text.</param>
public sealed record FileAttachment(string FileName, ReadOnlyMemory<byte> Content, string ContentType = "application/octet-stream", string? Description = null);
