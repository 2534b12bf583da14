using System.Collections.Concurrent;
using System.Globalization;

namespace CineSync.Discord.Interactions.Http;

/// <summary>
/// Remembers the signatures of accepted requests for as long as their timestamp is fresh, so a captured request sent
/// again within the freshness window is refused (Discord never sends the same interaction twice). Once the window has
/// passed, the timestamp check refuses it anyway and the signature is forgotten.
/// </summary>
internal sealed class ReplayGuard(TimeSpan window, TimeProvider time)
{
    private readonly ConcurrentDictionary<UInt128, long> _seen = new();
    private long _nextSweep;

    /// <summary>
    /// True the first time <paramref name="signatureHex"/> (an already verified 128-hex-digit signature) is seen;
    /// <paramref name="timestamp"/> is its request's, in unix seconds.
    /// </summary>
    public bool FirstUse(string signatureHex, long timestamp)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        Sweep(now);

        // Half of an Ed25519 signature is as unique as all of it, at a quarter of the memory of the hex text.
        var key = UInt128.Parse(signatureHex.AsSpan(0, 32), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        return _seen.TryAdd(key, timestamp + (long)Math.Ceiling(window.TotalSeconds));
    }

    private void Sweep(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due || Interlocked.CompareExchange(ref _nextSweep, now + 10, due) != due)
        {
            return;
        }

        foreach (var (key, forgetAt) in _seen)
        {
            if (forgetAt < now)
            {
                _seen.TryRemove(key, out _);
            }
        }
    }
}
