namespace CineSync.Recommender.Tests.Numerics;

/// <summary>Textbook double-precision reference implementations for checking the fast code.</summary>
internal static class Naive
{
    public static double[] RandomSpd(int n, int seed)
    {
        var random = new Random(seed);
        var m = new double[n * n];
        for (var i = 0; i < m.Length; i++) { m[i] = random.NextDouble() - 0.5; }
        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var k = 0; k < n; k++) { s += m[(i * n) + k] * m[(j * n) + k]; }
                a[(i * n) + j] = s + (i == j ? n * 0.1 : 0);
            }
        }

        return a;
    }

    /// <summary>Gauss-Jordan inverse with partial pivoting.</summary>
    public static double[] Inverse(double[] a, int n)
    {
        var m = (double[])a.Clone();
        var inv = new double[n * n];
        for (var i = 0; i < n; i++) { inv[(i * n) + i] = 1; }
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) { if (Math.Abs(m[(r * n) + c]) > Math.Abs(m[(pivot * n) + c])) { pivot = r; } }
            for (var k = 0; k < n; k++)
            {
                (m[(c * n) + k], m[(pivot * n) + k]) = (m[(pivot * n) + k], m[(c * n) + k]);
                (inv[(c * n) + k], inv[(pivot * n) + k]) = (inv[(pivot * n) + k], inv[(c * n) + k]);
            }

            var d = m[(c * n) + c];
            for (var k = 0; k < n; k++) { m[(c * n) + k] /= d; inv[(c * n) + k] /= d; }
            for (var r = 0; r < n; r++)
            {
                if (r == c) { continue; }
                var f = m[(r * n) + c];
                for (var k = 0; k < n; k++) { m[(r * n) + k] -= f * m[(c * n) + k]; inv[(r * n) + k] -= f * inv[(c * n) + k]; }
            }
        }

        return inv;
    }

    public static double[] Solve(double[] a, double[] b, int n)
    {
        var inv = Inverse(a, n);
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++) { x[i] += inv[(i * n) + k] * b[k]; }
        }

        return x;
    }
}
