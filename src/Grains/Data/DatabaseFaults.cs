using Npgsql;

namespace CineSync.Grains.Data;

/// <summary>Tells "the database is unreachable" apart from "this statement is wrong".</summary>
internal static class DatabaseFaults
{
    /// <summary>
    /// True for failures a later retry can cure without changing the request: refused or dropped connections, timeouts
    /// (Npgsql wraps socket errors and timeouts in <see cref="NpgsqlException"/>, possibly under other exceptions),
    /// and the server-side classes 08 (connection), 53 (resources), 57 (shutdown, starting up) and 58 (system error).
    /// Data errors (classes 22 and 23) and programming errors are not.
    /// </summary>
    public static bool IsUnavailable(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState is ['0', '8', ..] or ['5', '3' or '7' or '8', ..],
        NpgsqlException => true,
        AggregateException { InnerExceptions: [var only] } => IsUnavailable(only),
        _ => exception.InnerException is { } inner && IsUnavailable(inner),
    };

    /// <summary>Errors caused by the rows themselves (SQLSTATE classes 22 and 23), which splitting a batch can isolate.</summary>
    public static bool IsDataError(Exception exception) =>
        exception is PostgresException { SqlState: ['2', '2' or '3', ..] };
}
