namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>A spec path such as <c>/webhooks/{webhook_id}/{webhook_token}</c>, split once for matching.</summary>
internal sealed class PathTemplate
{
    private readonly string[] _segments;

    public PathTemplate(string template, IReadOnlyDictionary<string, OpenApiOperation> operations)
    {
        Template = template;
        Operations = operations;
        _segments = template.Split('/', StringSplitOptions.RemoveEmptyEntries);
        Literals = _segments.Count(segment => !IsParameter(segment));
    }

    public string Template { get; }

    public IReadOnlyDictionary<string, OpenApiOperation> Operations { get; }

    public int SegmentCount => _segments.Length;

    /// <summary>How many segments are literal; more literals means a more specific template.</summary>
    public int Literals { get; }

    public bool TryMatch(string[] path, out IReadOnlyDictionary<string, string> parameters)
    {
        parameters = EmptyParameters;
        if (path.Length != _segments.Length)
        {
            return false;
        }

        Dictionary<string, string>? values = null;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (IsParameter(_segments[i]))
            {
                values ??= new Dictionary<string, string>(StringComparer.Ordinal);
                values[_segments[i][1..^1]] = Uri.UnescapeDataString(path[i]);
            }
            else if (!string.Equals(_segments[i], path[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        parameters = values ?? EmptyParameters;
        return true;
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyParameters = new Dictionary<string, string>();

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
}
