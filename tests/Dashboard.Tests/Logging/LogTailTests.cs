using CineSync.Dashboard.Logging;

namespace CineSync.Dashboard.Tests.Logging;

public sealed class LogTailTests
{
    [Theory]
    // A made-up token, assembled from parts so that no committed line looks like a real one.
    [InlineData("connecting with Bot MTA4NzY1NDMyMTAxMjM0NTY3OA" + "." + "GhIjKl" + "." + "abcdefghijklmnopqrstuvwxyz012345", "Bot ***")]
    [InlineData("Host=db;Username=cinesync;Password=hunter2hunter2;Database=x", "Password=***")]
    [InlineData("calling /api?token=abcdef123456&x=1", "token=***")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig", "Bearer ***")]
    public void Credential_looking_text_is_masked_before_it_reaches_the_page(string message, string expected)
    {
        var redacted = LogRedactor.Redact(message);

        Assert.Contains(expected, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdefghijklmnop", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef123456", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("payload", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Ordinary_messages_pass_unchanged()
    {
        const string message = "Silo silo-a joined the cluster with 3 roles; 1200 ratings imported";

        Assert.Equal(message, LogRedactor.Redact(message));
    }

    [Fact]
    public void The_tail_keeps_the_newest_lines_and_resumes_after_a_sequence()
    {
        var tail = new LogTail(capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            tail.Append(i, "Information", "Test", $"line {i}");
        }

        Assert.Equal(["line 3", "line 4", "line 5"], tail.ReadAfter(0).Select(l => l.Message));
        Assert.Equal(["line 5"], tail.ReadAfter(4).Select(l => l.Message));
        Assert.Empty(tail.ReadAfter(5));
    }

    [Fact]
    public async Task A_waiting_reader_wakes_when_a_line_is_appended()
    {
        var tail = new LogTail(capacity: 10);
        var waiting = tail.WaitForAppendAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        tail.Append(1, "Warning", "Test", "hello");

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("hello", Assert.Single(tail.ReadAfter(0)).Message);
    }
}
