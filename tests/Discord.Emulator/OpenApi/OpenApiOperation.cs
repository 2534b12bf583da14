namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>An operation of the spec: an HTTP method on a path template, with its compiled request schemas.</summary>
public sealed class OpenApiOperation
{
    internal OpenApiOperation(string method, string pathTemplate, string? operationId, CompiledSchema? jsonBody, bool bodyRequired, IReadOnlyDictionary<string, CompiledSchema> pathParameters)
    {
        Method = method;
        PathTemplate = pathTemplate;
        OperationId = operationId;
        JsonBody = jsonBody;
        BodyRequired = bodyRequired;
        PathParameters = pathParameters;
    }

    /// <summary>Upper-case HTTP method, e.g. <c>PUT</c>.</summary>
    public string Method { get; }

    /// <summary>The spec's path template, e.g. <c>/applications/{application_id}/commands</c>.</summary>
    public string PathTemplate { get; }

    /// <summary>The spec's <c>operationId</c>, e.g. <c>bulk_set_application_commands</c>.</summary>
    public string? OperationId { get; }

    /// <summary>Whether the operation takes an <c>application/json</c> body (also used for multipart <c>payload_json</c>).</summary>
    public bool HasJsonBody => JsonBody is not null;

    /// <summary>Whether the spec marks the body as required.</summary>
    public bool BodyRequired { get; }

    internal CompiledSchema? JsonBody { get; }

    internal IReadOnlyDictionary<string, CompiledSchema> PathParameters { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Method} {PathTemplate}";
}

/// <summary>An operation matched against a concrete path, with the values of its path parameters.</summary>
/// <param name="Operation">The operation.</param>
/// <param name="Parameters">Path parameter values by name, e.g. <c>application_id</c> → <c>123</c>.</param>
public sealed record OpenApiOperationMatch(OpenApiOperation Operation, IReadOnlyDictionary<string, string> Parameters);
