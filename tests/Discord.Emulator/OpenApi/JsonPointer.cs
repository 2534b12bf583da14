namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>An immutable linked path from the document root; rendered only when a violation is reported.</summary>
internal sealed class JsonPointer
{
    public static readonly JsonPointer Root = new(null, null);

    private JsonPointer(JsonPointer? parent, object? segment)
    {
        Parent = parent;
        Segment = segment;
    }

    public JsonPointer? Parent { get; }

    public object? Segment { get; }

    public int Depth => Parent is null ? 0 : Parent.Depth + 1;

    public JsonPointer Property(string name) => new(this, name);

    public JsonPointer Index(int index) => new(this, index);

    public IReadOnlyList<object> Segments()
    {
        var segments = new List<object>();
        for (var node = this; node.Parent is not null; node = node.Parent)
        {
            segments.Add(node.Segment!);
        }

        segments.Reverse();
        return segments;
    }

    public override string ToString()
    {
        var text = new System.Text.StringBuilder("$");
        foreach (var segment in Segments())
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                text.Append('.').Append((string)segment);
            }
        }

        return text.ToString();
    }
}
