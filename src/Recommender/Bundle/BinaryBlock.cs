using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace CineSync.Recommender.Bundle;

/// <summary>Little-endian writer of primitives and primitive arrays (arrays are length-prefixed, copied as raw bytes).</summary>
internal sealed class BlockWriter(Stream stream)
{
    public void Int(int value) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteInt32LittleEndian(b, value); stream.Write(b); }

    public void Long(long value) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteInt64LittleEndian(b, value); stream.Write(b); }

    public void Float(float value) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteSingleLittleEndian(b, value); stream.Write(b); }

    public void Double(double value) { Span<byte> b = stackalloc byte[8]; BinaryPrimitives.WriteDoubleLittleEndian(b, value); stream.Write(b); }

    public void String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Int(bytes.Length);
        stream.Write(bytes);
    }

    public void Array<T>(ReadOnlySpan<T> values) where T : unmanaged
    {
        Int(values.Length);
        stream.Write(MemoryMarshal.AsBytes(values));
    }
}

/// <summary>Reader matching <see cref="BlockWriter"/>; every read is bounds-checked and fails as a corrupt bundle.</summary>
internal ref struct BlockReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position == _data.Length;

    public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

    public long Long() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

    public float Float() => BinaryPrimitives.ReadSingleLittleEndian(Take(4));

    public double Double() => BinaryPrimitives.ReadDoubleLittleEndian(Take(8));

    public string String() => Encoding.UTF8.GetString(Take(Count(1)));

    public T[] Array<T>() where T : unmanaged
    {
        var size = Marshal.SizeOf<T>();
        var count = Count(size);
        return MemoryMarshal.Cast<byte, T>(Take(count * size)).ToArray();
    }

    private int Count(int elementSize)
    {
        var count = Int();
        if (count < 0 || (long)count * elementSize > _data.Length - _position)
        {
            throw new ModelBundleException($"Model bundle is corrupt: a section claims {count} elements beyond the end of the file.");
        }

        return count;
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > _data.Length - _position)
        {
            throw new ModelBundleException("Model bundle is truncated: a section ends beyond the end of the file.");
        }

        var slice = _data.Slice(_position, length);
        _position += length;
        return slice;
    }
}
