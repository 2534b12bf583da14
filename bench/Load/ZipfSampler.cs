namespace CineSync.Load.Bench;

/// <summary>Draws ranks 0…n-1 with probability proportional to 1/(rank+1)^s (inverse CDF by binary search).</summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cdf;

    public ZipfSampler(int count, double exponent)
    {
        _cdf = new double[count];
        var sum = 0.0;
        for (var i = 0; i < count; i++)
        {
            sum += 1.0 / Math.Pow(i + 1, exponent);
            _cdf[i] = sum;
        }

        for (var i = 0; i < count; i++)
        {
            _cdf[i] /= sum;
        }
    }

    public int Next(Random random)
    {
        var index = Array.BinarySearch(_cdf, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, _cdf.Length - 1);
    }
}
