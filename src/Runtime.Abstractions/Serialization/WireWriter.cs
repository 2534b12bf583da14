using System.Buffers;
using System.Buffers.Binary;
using System.ComponentModel;
using System.Text;

namespace CineSync.Runtime.Serialization;

/// <summary>Writes the compact binary call format (little-endian, length-prefixed strings) into a buffer.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class WireWriter
{
    private IBufferWriter<byte> _output = null!;

    /// <summary>Bytes written since <see cref="Reset"/>.</summary>
    public int Written { get; private set; }

    /// <summary>Points the writer at a new output.</summary>
    public void Reset(IBufferWriter<byte> output)
    {
        _output = output;
        Written = 0;
    }

    /// <summary>The output, for writers that need it directly (JSON).</summary>
    public IBufferWriter<byte> Output => _output;

    /// <summary>Writes one byte.</summary>
    public void WriteByte(byte value)
    {
        _output.GetSpan(1)[0] = value;
        Advance(1);
    }

    /// <summary>Writes a 16-bit integer.</summary>
    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_output.GetSpan(2), value);
        Advance(2);
    }

    /// <summary>Writes a 32-bit integer.</summary>
    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_output.GetSpan(4), value);
        Advance(4);
    }

    /// <summary>Writes a 32-bit unsigned integer.</summary>
    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_output.GetSpan(4), value);
        Advance(4);
    }

    /// <summary>Writes a 64-bit integer.</summary>
    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_output.GetSpan(8), value);
        Advance(8);
    }

    /// <summary>Writes a double.</summary>
    public void WriteDouble(double value)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_output.GetSpan(8), value);
        Advance(8);
    }

    /// <summary>Writes a float.</summary>
    public void WriteSingle(float value)
    {
        BinaryPrimitives.WriteSingleLittleEndian(_output.GetSpan(4), value);
        Advance(4);
    }

    /// <summary>Writes a GUID.</summary>
    public void WriteGuid(Guid value)
    {
        value.TryWriteBytes(_output.GetSpan(16));
        Advance(16);
    }

    /// <summary>Writes a string (null allowed): its UTF-8 length, then its bytes.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteInt32(-1);
            return;
        }

        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        var span = _output.GetSpan(max + 4);
        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32LittleEndian(span, length);
        Advance(length + 4);
    }

    /// <summary>Writes raw bytes with their length (null allowed).</summary>
    public void WriteBytes(ReadOnlySpan<byte> value, bool isNull = false)
    {
        if (isNull)
        {
            WriteInt32(-1);
            return;
        }

        WriteInt32(value.Length);
        value.CopyTo(_output.GetSpan(value.Length));
        Advance(value.Length);
    }

    /// <summary>Writes a grain key.</summary>
    public void WriteGrainKey(GrainKey key)
    {
        WriteByte((byte)key.Kind);
        switch (key.Kind)
        {
            case GrainKeyKind.Integer:
                WriteInt64(key.AsInteger());
                break;
            case GrainKeyKind.Guid:
                WriteGuid(key.AsGuid());
                break;
            default:
                WriteString(key.AsString());
                break;
        }
    }

    /// <summary>Counts bytes written directly to <see cref="Output"/>.</summary>
    public void Advance(int count)
    {
        _output.Advance(count);
        Written += count;
    }

    /// <summary>Counts bytes another writer put into <see cref="Output"/> (already advanced there).</summary>
    public void AddWritten(int count) => Written += count;
}
