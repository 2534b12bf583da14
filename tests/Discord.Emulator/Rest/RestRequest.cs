using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>A parsed REST request handed to a handler.</summary>
internal sealed record RestRequest(
    string Method,
    string Path,
    string Template,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Query,
    JsonNode? Body,
    IReadOnlyList<EmulatedAttachment> Files)
{
    public string this[string parameter] => Parameters[parameter];

    public JsonObject BodyObject => Body as JsonObject ?? [];
}
