using System.Buffers.Binary;
using System.ComponentModel;
using System.Text;

namespace CineSync.Runtime.Serialization;

/// <summary>Reads the compact binary call format from one contiguous frame.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WireReader
{
    private ReadOnlyMemory<byte> _buffer;
    private int _position;

    /// <summary>Points the reader at a frame.</summary>
    public void Reset(ReadOnlyMemory<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes left to read.</summary>
    public int Remaining => _buffer.Length - _position;

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > Remaining)
        {
            throw new InvalidDataException("The frame ended early.");
        }

        var span = _buffer.Span.Slice(_position, count);
        _position += count;
        return span;
    }

    /// <summary>Reads one byte.</summary>
    public byte ReadByte() => Take(1)[0];

    /// <summary>Reads a 16-bit integer.</summary>
    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    /// <summary>Reads a 32-bit integer.</summary>
    public int ReadInt32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    /// <summary>Reads a 32-bit unsigned integer.</summary>
    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    /// <summary>Reads a 64-bit integer.</summary>
    public long ReadInt64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    /// <summary>Reads a double.</summary>
    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    /// <summary>Reads a float.</summary>
    public float ReadSingle() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    /// <summary>Reads a GUID.</summary>
    public Guid ReadGuid() => new(Take(16));

    /// <summary>Reads a string written by <see cref="WireWriter.WriteString"/>.</summary>
    public string? ReadString()
    {
        var length = ReadInt32();
        return length < 0 ? null : Encoding.UTF8.GetString(Take(length));
    }

    /// <summary>Reads a length-prefixed byte block; empty when null was written (<paramref name="isNull"/>).</summary>
    public ReadOnlySpan<byte> ReadBytes(out bool isNull)
    {
        var length = ReadInt32();
        isNull = length < 0;
        return isNull ? default : Take(length);
    }

    /// <summary>Reads a grain key.</summary>
    public GrainKey ReadGrainKey()
    {
        var kind = (GrainKeyKind)ReadByte();
        return kind switch
        {
            GrainKeyKind.Integer => GrainKey.FromInteger(ReadInt64()),
            GrainKeyKind.Guid => GrainKey.FromGuid(ReadGuid()),
            GrainKeyKind.String => GrainKey.FromString(ReadString() ?? string.Empty),
            _ => throw new InvalidDataException($"Unknown grain key kind {kind}."),
        };
    }
}
