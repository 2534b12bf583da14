using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Rest.RateLimits;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Rest;

public sealed partial class DiscordRestClient
{
    /// <summary>
    /// Sends one call through the rate limiter. <paramref name="content"/> is a factory because a
    /// retried request needs a fresh body.
    /// </summary>
    internal async Task<T?> SendAsync<T>(RestRoute route, Func<HttpContent>? content, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
    {
        var serverErrors = 0;
        var rateLimits = 0;
        while (true)
        {
            var bucket = _rateLimiter.GetBucket(route);
            if (!route.ExemptFromGlobal)
            {
                await _rateLimiter.Global.AcquireAsync(cancellationToken).ConfigureAwait(false);
            }

            await bucket.AcquireAsync(cancellationToken).ConfigureAwait(false);

            using var request = new HttpRequestMessage(route.Method, new Uri(_options.ApiBaseUrl, route.Path));
            request.Headers.Authorization = _authorization;
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Content = content?.Invoke();

            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var headers = RateLimitHeaders.Parse(response.Headers);
            // On a 429 the body's retry_after says when to try again; the bucket counters of that answer
            // may describe a longer window and would hold the retry back past Discord's 3-second deadline.
            _rateLimiter.Update(route, bucket, response.StatusCode == HttpStatusCode.TooManyRequests ? headers.BucketOnly() : headers);
            RestLog.Sent(_logger, route.Key, response.StatusCode);

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var (retryAfter, global) = await ReadRetryAfterAsync(response, headers, cancellationToken).ConfigureAwait(false);
                if (++rateLimits > _options.MaxRateLimitRetries)
                {
                    throw new DiscordRestException(response.StatusCode, null, $"{route.Key} stayed rate limited after {_options.MaxRateLimitRetries} retries.");
                }

                RestLog.RateLimited(_logger, route.Key, global, retryAfter);
                if (global)
                {
                    _rateLimiter.Global.BlockFor(retryAfter);
                }
                else
                {
                    _rateLimiter.GetBucket(route).BlockFor(retryAfter);
                }

                continue;
            }

            if ((int)response.StatusCode >= 500)
            {
                if (++serverErrors > _options.MaxServerErrorRetries)
                {
                    throw new DiscordRestException(response.StatusCode, null, $"{route.Key} failed with {(int)response.StatusCode} after {_options.MaxServerErrorRetries} retries.");
                }

                var delay = _options.ServerErrorBaseDelay * Math.Pow(2, serverErrors - 1);
                RestLog.ServerError(_logger, response.StatusCode, route.Key, serverErrors, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw await ToExceptionAsync(route, response, cancellationToken).ConfigureAwait(false);
            }

            if (responseType is null || response.StatusCode == HttpStatusCode.NoContent)
            {
                return default;
            }

            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<(TimeSpan RetryAfter, bool Global)> ReadRetryAfterAsync(
        HttpResponseMessage response, RateLimitHeaders headers, CancellationToken cancellationToken)
    {
        JsonRateLimitResponse? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.JsonRateLimitResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            // Cloudflare-level 429s carry HTML; the Retry-After header still applies.
        }

        // The body's retry_after has millisecond precision; the header is rounded up to seconds.
        var retryAfter = body is { RetryAfter: > 0 }
            ? TimeSpan.FromSeconds(body.RetryAfter)
            : headers.RetryAfter ?? TimeSpan.FromSeconds(1);
        return (retryAfter, headers.Global || body?.Global == true);
    }

    private static async Task<DiscordRestException> ToExceptionAsync(RestRoute route, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonErrorResponse? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync(DiscordJsonContext.Default.JsonErrorResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a Discord error body; the status alone is reported.
        }

        var detail = error is null ? "" : $": {error.Message} (code {error.Code})";
        return new DiscordRestException(response.StatusCode, error?.Code, $"{route.Key} failed with {(int)response.StatusCode}{detail}");
    }
}
