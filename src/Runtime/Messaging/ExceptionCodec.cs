using System.Runtime.ExceptionServices;
using CineSync.Runtime.Serialization;

namespace CineSync.Runtime.Messaging;

/// <summary>
/// Carries a grain's exception across the wire as type name, message and stack trace, and recreates the same
/// exception type on the other side when it is loadable and has a (string message) constructor.
/// </summary>
internal static class ExceptionCodec
{
    public static void Write(WireWriter writer, Exception exception)
    {
        writer.WriteString(exception.GetType().AssemblyQualifiedName);
        writer.WriteString(exception.Message);
        writer.WriteString(exception.StackTrace);
    }

    public static Exception Read(WireReader reader)
    {
        var typeName = reader.ReadString() ?? typeof(Exception).FullName!;
        var message = reader.ReadString() ?? string.Empty;
        var stack = reader.ReadString();
        var type = Type.GetType(typeName, throwOnError: false);
        Exception? exception = null;
        if (type is not null && typeof(Exception).IsAssignableFrom(type) && type.GetConstructor([typeof(string)]) is { } constructor)
        {
            try
            {
                exception = (Exception)constructor.Invoke([message]);
            }
#pragma warning disable CA1031 // fall back to the generic exception below
            catch (Exception)
#pragma warning restore CA1031
            {
                exception = null;
            }
        }

        exception ??= new GrainCallException(type?.FullName ?? typeName, message, stack);
        return stack is null ? exception : ExceptionDispatchInfo.SetRemoteStackTrace(exception, stack);
    }
}
