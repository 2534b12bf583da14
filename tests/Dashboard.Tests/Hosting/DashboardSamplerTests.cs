using CineSync.Dashboard.Hosting;

namespace CineSync.Dashboard.Tests.Hosting;

public sealed class DashboardSamplerTests
{
    [Theory]
    [InlineData(0, 500)]
    [InlineData(100, 400)]
    [InlineData(350, 1150)]
    [InlineData(499, 1001)]
    [InlineData(500, 1000)]
    [InlineData(999, 501)]
    public void Samples_are_taken_mid_second_so_each_chart_second_gets_exactly_one_point(int millisecondsIntoSecond, int expectedDelayMs)
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(millisecondsIntoSecond);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedDelayMs), DashboardSampler.DelayToNextHalfSecond(now));
    }
}
