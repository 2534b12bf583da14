using System.Text.RegularExpressions;

namespace CineSync.Dashboard.Logging;

/// <summary>
/// Masks credential-looking text before a line enters the log tail. Nothing should log secrets in the
/// first place; this is the second line of defence for a page that may be shown on a screen.
/// </summary>
internal static partial class LogRedactor
{
    private const string Mask = "***";

    public static string Redact(string text) =>
        text.Length == 0 ? text : Secrets().Replace(text, static m => m.Groups["prefix"].Value + Mask);

    // Authorization schemes ("Bot x", "Bearer x", "Basic x"), key=value secrets in connection strings and
    // queries (Password=, Pwd=, token=, secret=, api_key=), and Discord-token-shaped strings (three dot-separated base64url parts).
    [GeneratedRegex(
        @"(?<prefix>\b(?:Bot|Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]{8,}" +
        @"|(?<prefix>\b(?:password|pwd|token|access_token|secret|api[_-]?key)\s*[=:]\s*)(?:""[^""]*""|'[^']*'|[^;&\s,]+)" +
        @"|(?<prefix>)\b[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{20,}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Secrets();
}
