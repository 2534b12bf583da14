using System.Globalization;

namespace CineSync.Runtime;

/// <summary>The kind of value a <see cref="GrainKey"/> holds.</summary>
public enum GrainKeyKind : byte
{
    /// <summary>A 64-bit integer key.</summary>
    Integer = 0,

    /// <summary>A string key.</summary>
    String = 1,

    /// <summary>A GUID key.</summary>
    Guid = 2,
}

/// <summary>The primary key of a grain: an integer, a string or a GUID.</summary>
public readonly struct GrainKey : IEquatable<GrainKey>
{
    private readonly long _integer;
    private readonly Guid _guid;
    private readonly string? _string;

    private GrainKey(GrainKeyKind kind, long integer, Guid guid, string? text)
    {
        Kind = kind;
        _integer = integer;
        _guid = guid;
        _string = text;
    }

    /// <summary>Which of the values this key holds.</summary>
    public GrainKeyKind Kind { get; }

    /// <summary>A key holding a 64-bit integer.</summary>
    public static GrainKey FromInteger(long key) => new(GrainKeyKind.Integer, key, default, null);

    /// <summary>A key holding a string.</summary>
    public static GrainKey FromString(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(GrainKeyKind.String, 0, default, key);
    }

    /// <summary>A key holding a GUID.</summary>
    public static GrainKey FromGuid(Guid key) => new(GrainKeyKind.Guid, 0, key, null);

    /// <summary>The integer value; throws when the key is not an integer.</summary>
    public long AsInteger() => Kind == GrainKeyKind.Integer ? _integer : throw WrongKind(GrainKeyKind.Integer);

    /// <summary>The string value; throws when the key is not a string.</summary>
    public string AsString() => Kind == GrainKeyKind.String ? _string! : throw WrongKind(GrainKeyKind.String);

    /// <summary>The GUID value; throws when the key is not a GUID.</summary>
    public Guid AsGuid() => Kind == GrainKeyKind.Guid ? _guid : throw WrongKind(GrainKeyKind.Guid);

    /// <inheritdoc />
    public bool Equals(GrainKey other) => Kind == other.Kind && Kind switch
    {
        GrainKeyKind.Integer => _integer == other._integer,
        GrainKeyKind.Guid => _guid == other._guid,
        _ => string.Equals(_string, other._string, StringComparison.Ordinal),
    };

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is GrainKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Kind switch
    {
        GrainKeyKind.Integer => _integer.GetHashCode(),
        GrainKeyKind.Guid => _guid.GetHashCode(),
        _ => StringComparer.Ordinal.GetHashCode(_string!),
    };

    /// <summary>The key as stored in the database and shown in logs (integer and GUID in invariant form).</summary>
    public override string ToString() => Kind switch
    {
        GrainKeyKind.Integer => _integer.ToString(CultureInfo.InvariantCulture),
        GrainKeyKind.Guid => _guid.ToString("D"),
        _ => _string!,
    };

    /// <summary>Equality of keys.</summary>
    public static bool operator ==(GrainKey left, GrainKey right) => left.Equals(right);

    /// <summary>Inequality of keys.</summary>
    public static bool operator !=(GrainKey left, GrainKey right) => !left.Equals(right);

    private InvalidOperationException WrongKind(GrainKeyKind wanted) =>
        new($"The grain key is {Kind}, not {wanted}.");
}
