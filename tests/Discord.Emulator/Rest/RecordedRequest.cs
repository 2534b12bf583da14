namespace CineSync.Discord.Emulator.Rest;

/// <summary>One REST call the bot made, as the emulator saw and answered it.</summary>
/// <param name="At">Arrival time (the emulator's <see cref="TimeProvider"/>).</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Path and query, e.g. <c>/api/v10/interactions/1/tok/callback</c>.</param>
/// <param name="Route">The spec's template, e.g. <c>/interactions/{interaction_id}/{interaction_token}/callback</c>, when known.</param>
/// <param name="Headers">Request headers; the Authorization value is redacted to its scheme.</param>
/// <param name="Body">The JSON body (for multipart: <c>payload_json</c>), or null.</param>
/// <param name="Files">File names uploaded as <c>files[n]</c>.</param>
/// <param name="Status">The status the emulator answered.</param>
/// <param name="ResponseBody">The JSON the emulator answered, if any.</param>
public sealed record RecordedRequest(
    DateTimeOffset At,
    string Method,
    string Path,
    string? Route,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    IReadOnlyList<string> Files,
    int Status,
    string? ResponseBody)
{
    /// <summary><c>METHOD /template</c>, the key used for storms and buckets.</summary>
    public string RouteKey => $"{Method} {Route ?? Path}";

    /// <inheritdoc />
    public override string ToString() => $"{At:HH:mm:ss.fff} {Method} {Path} -> {Status}";
}

/// <summary>A request sent to a rate-limited bucket before the <c>retry_after</c> Discord gave had elapsed.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="Bucket">The limited bucket (or <c>global</c>).</param>
/// <param name="At">Arrival time.</param>
/// <param name="AllowedAt">When the client was allowed to retry.</param>
public sealed record EarlyRetry(string Method, string Path, string Bucket, DateTimeOffset At, DateTimeOffset AllowedAt)
{
    /// <summary>How early it was.</summary>
    public TimeSpan TooEarlyBy => AllowedAt - At;
}
