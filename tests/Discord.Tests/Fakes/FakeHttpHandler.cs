using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace CineSync.Discord.Tests.Fakes;

/// <summary>A scripted Discord REST server: records each request with the fake time it was sent at.</summary>
internal sealed class FakeHttpHandler(TimeProvider time, Func<RecordedRequest, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private int _count;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Raised after each request is recorded, before the response is returned.</summary>
    public event Action<RecordedRequest>? Sent;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            time.GetUtcNow(),
            request.Method.Method,
            request.RequestUri!.AbsolutePath,
            request.Headers.Authorization?.ToString(),
            request.Content?.Headers.ContentType?.MediaType,
            body);
        _requests.Enqueue(recorded);
        var index = Interlocked.Increment(ref _count) - 1;
        var response = respond(recorded, index);
        Sent?.Invoke(recorded);
        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return response;
    }
}

internal sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, string? Authorization, string? ContentType, string Body);
