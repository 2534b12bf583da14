using System.Net;

namespace CineSync.Discord.Rest;

/// <summary>A REST call Discord refused (4xx), or that kept failing (5xx, 429) after the allowed retries.</summary>
public sealed class DiscordRestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DiscordRestException()
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DiscordRestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public DiscordRestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Discord answered <paramref name="statusCode"/> with JSON error <paramref name="errorCode"/> and <paramref name="message"/>.</summary>
    public DiscordRestException(HttpStatusCode statusCode, int? errorCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status of the last answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Discord's JSON error code (for example 10062 "Unknown interaction"), when the body had one.</summary>
    public int? ErrorCode { get; }
}
