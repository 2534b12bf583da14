using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CineSync.Discord.Messages;

namespace CineSync.Discord.Rest;

/// <summary>Request bodies: JSON, or multipart/form-data (<c>payload_json</c> + <c>files[n]</c>) when files are attached.</summary>
internal static class RestContent
{
    public static HttpContent Create<T>(T body, JsonTypeInfo<T> typeInfo, IReadOnlyList<FileAttachment> files)
    {
        if (files.Count == 0)
        {
            return JsonContent.Create(body, typeInfo);
        }

        var multipart = new MultipartFormDataContent();
        var json = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        multipart.Add(json, "payload_json");
        for (var i = 0; i < files.Count; i++)
        {
            var file = new ReadOnlyMemoryContent(files[i].Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(files[i].ContentType);
            multipart.Add(file, $"files[{i}]", files[i].FileName);
        }

        return multipart;
    }
}
