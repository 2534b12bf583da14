using System.Buffers.Binary;
using System.Security.Cryptography;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Experiments;

/// <summary>
/// Which arm a user is in: the first 8 bytes of SHA-256 over (experiment id, user id), as a fraction of 2⁶⁴, below the
/// candidate's share means the candidate. Stable across processes, silos and restarts (unlike
/// <see cref="string.GetHashCode()"/>, randomised per process), and independent between experiments, so the users
/// who were candidates in one experiment are not the candidates of the next.
/// </summary>
internal static class ArmAssignment
{
    /// <summary>The user's position in [0, 1) for this experiment.</summary>
    public static double Position(int experimentId, long userId)
    {
        Span<byte> key = stackalloc byte[12];
        BinaryPrimitives.WriteInt32BigEndian(key, experimentId);
        BinaryPrimitives.WriteInt64BigEndian(key[4..], userId);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key, hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
    }

    /// <summary>"candidate" for a <paramref name="candidateShare"/> of users, "control" for the rest.</summary>
    public static string Arm(int experimentId, long userId, double candidateShare) =>
        Position(experimentId, userId) < candidateShare ? ExperimentArmView.CandidateArm : ExperimentArmView.ControlArm;
}
