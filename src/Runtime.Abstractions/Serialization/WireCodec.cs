using System.Buffers;
using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace CineSync.Runtime.Serialization;

/// <summary>
/// Writes and reads values of <typeparamref name="T"/> in the binary call format: primitives, strings,
/// GUIDs, dates, enums, nullables and arrays of those natively; any other type as length-prefixed JSON
/// through <see cref="GrainSerialization.Options"/>. The codec is chosen once per type.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WireCodec<T>
{
    private static readonly Action<WireWriter, T> s_write;
    private static readonly Func<WireReader, T> s_read;

    static WireCodec()
    {
        var (write, read) = WireCodecs.Create(typeof(T));
        s_write = (Action<WireWriter, T>)write;
        s_read = (Func<WireReader, T>)read;
    }

    /// <summary>Writes a value.</summary>
    public static void Write(WireWriter writer, T value) => s_write(writer, value);

    /// <summary>Reads a value.</summary>
    public static T Read(WireReader reader) => s_read(reader);
}

internal static class WireCodecs
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_json;

    public static (Delegate Write, Delegate Read) Create(Type type)
    {
        if (Primitive(type) is { } primitive)
        {
            return primitive;
        }

        var method = type switch
        {
            { IsEnum: true } => nameof(Enum),
            { IsArray: true } when type.GetArrayRank() == 1 && IsBlittableNumber(type.GetElementType()!) => nameof(BlittableArray),
            { IsArray: true } when type.GetArrayRank() == 1 && Primitive(type.GetElementType()!) is not null => nameof(Array),
            _ when Nullable.GetUnderlyingType(type) is { } inner && Primitive(inner) is not null => nameof(NullableOf),
            _ => nameof(Json),
        };
        var generic = type.IsArray ? type.GetElementType()! : Nullable.GetUnderlyingType(type) ?? type;
        var factory = typeof(WireCodecs).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(generic);
        return ((Delegate, Delegate))factory.Invoke(null, null)!;
    }

    private static bool IsBlittableNumber(Type type) => type.IsPrimitive && type != typeof(bool) && type != typeof(char);

    private static (Delegate, Delegate)? Primitive(Type type) => Type.GetTypeCode(type) switch
    {
        _ when type.IsEnum => null,
        TypeCode.Boolean => Pair<bool>((w, v) => w.WriteByte(v ? (byte)1 : (byte)0), r => r.ReadByte() != 0),
        TypeCode.Byte => Pair<byte>((w, v) => w.WriteByte(v), r => r.ReadByte()),
        TypeCode.SByte => Pair<sbyte>((w, v) => w.WriteByte((byte)v), r => (sbyte)r.ReadByte()),
        TypeCode.Int16 => Pair<short>((w, v) => w.WriteUInt16((ushort)v), r => (short)r.ReadUInt16()),
        TypeCode.UInt16 => Pair<ushort>((w, v) => w.WriteUInt16(v), r => r.ReadUInt16()),
        TypeCode.Char => Pair<char>((w, v) => w.WriteUInt16(v), r => (char)r.ReadUInt16()),
        TypeCode.Int32 => Pair<int>((w, v) => w.WriteInt32(v), r => r.ReadInt32()),
        TypeCode.UInt32 => Pair<uint>((w, v) => w.WriteUInt32(v), r => r.ReadUInt32()),
        TypeCode.Int64 => Pair<long>((w, v) => w.WriteInt64(v), r => r.ReadInt64()),
        TypeCode.UInt64 => Pair<ulong>((w, v) => w.WriteInt64((long)v), r => (ulong)r.ReadInt64()),
        TypeCode.Single => Pair<float>((w, v) => w.WriteSingle(v), r => r.ReadSingle()),
        TypeCode.Double => Pair<double>((w, v) => w.WriteDouble(v), r => r.ReadDouble()),
        TypeCode.Decimal => Pair<decimal>(WriteDecimal, ReadDecimal),
        TypeCode.String => Pair<string?>((w, v) => w.WriteString(v), r => r.ReadString()),
        TypeCode.DateTime => Pair<DateTime>((w, v) => w.WriteInt64(v.ToBinary()), r => DateTime.FromBinary(r.ReadInt64())),
        _ when type == typeof(Guid) => Pair<Guid>((w, v) => w.WriteGuid(v), r => r.ReadGuid()),
        _ when type == typeof(TimeSpan) => Pair<TimeSpan>((w, v) => w.WriteInt64(v.Ticks), r => new TimeSpan(r.ReadInt64())),
        _ when type == typeof(DateTimeOffset) => Pair<DateTimeOffset>(
            (w, v) => { w.WriteInt64(v.Ticks); w.WriteInt32((int)v.Offset.TotalMinutes); },
            r => new DateTimeOffset(r.ReadInt64(), TimeSpan.FromMinutes(r.ReadInt32()))),
        _ when type == typeof(byte[]) => Pair<byte[]?>((w, v) => w.WriteBytes(v, v is null), r => r.ReadBytes(out var isNull) is var b && isNull ? null : b.ToArray()),
        _ => null,
    };

    private static (Delegate, Delegate) Pair<T>(Action<WireWriter, T> write, Func<WireReader, T> read) => (write, read);

    private static void WriteDecimal(WireWriter writer, decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        foreach (var part in bits)
        {
            writer.WriteInt32(part);
        }
    }

    private static decimal ReadDecimal(WireReader reader) =>
        new([reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32()]);

    private static (Delegate, Delegate) Enum<T>() where T : struct, Enum => Unsafe.SizeOf<T>() switch
    {
        1 => Pair<T>((w, v) => w.WriteByte(Unsafe.As<T, byte>(ref v)), r => { var x = r.ReadByte(); return Unsafe.As<byte, T>(ref x); }),
        2 => Pair<T>((w, v) => w.WriteUInt16(Unsafe.As<T, ushort>(ref v)), r => { var x = r.ReadUInt16(); return Unsafe.As<ushort, T>(ref x); }),
        4 => Pair<T>((w, v) => w.WriteInt32(Unsafe.As<T, int>(ref v)), r => { var x = r.ReadInt32(); return Unsafe.As<int, T>(ref x); }),
        _ => Pair<T>((w, v) => w.WriteInt64(Unsafe.As<T, long>(ref v)), r => { var x = r.ReadInt64(); return Unsafe.As<long, T>(ref x); }),
    };

    private static (Delegate, Delegate) NullableOf<T>() where T : struct => Pair<T?>(
        (w, v) =>
        {
            w.WriteByte(v.HasValue ? (byte)1 : (byte)0);
            if (v.HasValue)
            {
                WireCodec<T>.Write(w, v.Value);
            }
        },
        r => r.ReadByte() != 0 ? WireCodec<T>.Read(r) : null);

    private static (Delegate, Delegate) Array<T>() => Pair<T[]?>(
        (w, v) =>
        {
            if (v is null)
            {
                w.WriteInt32(-1);
                return;
            }

            w.WriteInt32(v.Length);
            foreach (var item in v)
            {
                WireCodec<T>.Write(w, item);
            }
        },
        r =>
        {
            var length = r.ReadInt32();
            if (length < 0)
            {
                return null;
            }

            var array = new T[length];
            for (var i = 0; i < length; i++)
            {
                array[i] = WireCodec<T>.Read(r);
            }

            return array;
        });

    // Little-endian numeric arrays (all our platforms): one block copy.
    private static (Delegate, Delegate) BlittableArray<T>() where T : unmanaged => Pair<T[]?>(
        (w, v) => w.WriteBytes(v is null ? default : MemoryMarshal.AsBytes(v.AsSpan()), v is null),
        r => r.ReadBytes(out var isNull) is var bytes && isNull ? null : MemoryMarshal.Cast<byte, T>(bytes).ToArray());

    private static (Delegate, Delegate) Json<T>() => Pair<T>(
        (w, v) =>
        {
            var buffer = t_json ??= new ArrayBufferWriter<byte>(256);
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                JsonSerializer.Serialize(json, v, GrainSerialization.GetTypeInfo<T>());
            }

            w.WriteBytes(buffer.WrittenSpan);
        },
        r => JsonSerializer.Deserialize(r.ReadBytes(out _), GrainSerialization.GetTypeInfo<T>())!);
}
