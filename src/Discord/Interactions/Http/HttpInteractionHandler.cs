using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CineSync.Discord.Hosting;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CineSync.Discord.Interactions.Http;

/// <summary>
/// Serves Discord's HTTP interactions: size limit (413), signature, freshness and replay (401), JSON and the shape of
/// an interaction (400), PING → PONG, otherwise the router's first answer as the response body.
/// </summary>
public sealed class HttpInteractionHandler
{
    private readonly HttpInteractionsOptions _options;
    private readonly Ed25519SignatureVerifier _verifier;
    private readonly InteractionDispatcher _dispatcher;
    private readonly TimeProvider _time;
    private readonly ReplayGuard _replays;

    /// <summary>A handler verifying requests with <paramref name="options"/>' public key and passing them to <paramref name="dispatcher"/>; <paramref name="time"/> judges request timestamps.</summary>
    public HttpInteractionHandler(IOptions<HttpInteractionsOptions> options, InteractionDispatcher dispatcher, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _verifier = new Ed25519SignatureVerifier(_options.PublicKey);
        _dispatcher = dispatcher;
        _time = time ?? TimeProvider.System;
        _replays = new ReplayGuard(_options.TimestampTolerance, _time);
    }

    /// <summary>Answers one interaction request: 401 unless its signature verifies, PONG to a ping, else the handler's answer.</summary>
    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (request.ContentLength > _options.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadBodyAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        string? signature = request.Headers["X-Signature-Ed25519"];
        string? timestamp = request.Headers["X-Signature-Timestamp"];
        if (!IsFresh(timestamp, out var seconds) || !_verifier.Verify(signature, timestamp, body) || !_replays.FirstUse(signature!, seconds))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        JsonInteraction? json;
        try
        {
            json = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.JsonInteraction);
        }
        catch (JsonException)
        {
            json = null;
        }

        if (json is null || InteractionShape.Problem(json) is not null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var callback = json.Type == (int)InteractionType.Ping
            ? InteractionCallback.Pong()
            : await DispatchAsync(json, context.RequestAborted).ConfigureAwait(false);
        if (callback is null)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        await WriteAsync(context.Response, callback).ConfigureAwait(false);
    }

    private async Task<InteractionCallback?> DispatchAsync(JsonInteraction json, CancellationToken requestAborted)
    {
        var responder = new HttpInteractionResponder();
        // The handler keeps running after its first answer (follow-ups), so it is not tied to the request.
        var handling = _dispatcher.DispatchAsync(json, responder, CancellationToken.None);
        using var timeout = new CancellationTokenSource(_options.ResponseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, requestAborted);
        await ((Task)Task.WhenAny(responder.Callback, handling).WaitAsync(linked.Token)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        return responder.Callback.IsCompletedSuccessfully ? await responder.Callback.ConfigureAwait(false) : null;
    }

    private bool IsFresh(string? timestamp, out long seconds)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
        {
            return false;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs(now - seconds) <= _options.TimestampTolerance.TotalSeconds;
    }

    private async Task<byte[]?> ReadBodyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > _options.MaxBodyBytes)
            {
                return null;
            }
        }
    }

    private static async Task WriteAsync(HttpResponse response, InteractionCallback callback)
    {
        response.StatusCode = StatusCodes.Status200OK;
        using var content = Rest.RestContent.Create(callback.ToJson(), DiscordJsonContext.Default.JsonInteractionResponse, callback.Attachments);
        response.ContentType = content.Headers.ContentType?.ToString();
        await content.CopyToAsync(response.Body).ConfigureAwait(false);
    }
}
