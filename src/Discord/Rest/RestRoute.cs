namespace CineSync.Discord.Rest;

/// <summary>
/// One REST call's route. <see cref="Key"/> (method + template) identifies the route for the
/// rate limiter; <see cref="MajorKey"/> holds the major parameters (guild, channel, webhook /
/// interaction id + token), because Discord keeps separate buckets per major parameter value.
/// </summary>
internal sealed record RestRoute(HttpMethod Method, string Template, string Path, string MajorKey, bool ExemptFromGlobal = false)
{
    public string Key => Method.Method + " " + Template;

    public static string Escape(string value) => Uri.EscapeDataString(value);
}
