using Npgsql;

namespace CineSync.Database.Hosting;

/// <summary>Connection string helpers.</summary>
public static class ConnectionStrings
{
    /// <summary>The connection string with its password replaced by <c>***</c>, safe to log.</summary>
    public static string Redact(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (!string.IsNullOrEmpty(builder.Password))
            {
                builder.Password = "***";
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return "(unparsable connection string)";
        }
    }
}
