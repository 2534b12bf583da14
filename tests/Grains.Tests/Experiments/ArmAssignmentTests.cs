using CineSync.Grains.Experiments;
using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Tests.Experiments;

public sealed class ArmAssignmentTests
{
    [Fact]
    public void A_users_place_is_the_sha256_of_experiment_and_user_so_every_process_agrees()
    {
        // The first 8 bytes of SHA-256(int32 BE experiment ‖ int64 BE user) ÷ 2⁶⁴, computed independently (Python's hashlib).
        Assert.Equal(0.6462702407486387, ArmAssignment.Position(1, 42), precision: 12);
        Assert.Equal(0.9048267333093698, ArmAssignment.Position(7, 1_000_000_000_001), precision: 12);
    }

    [Fact]
    public void The_candidate_arm_gets_about_its_share_of_users()
    {
        var candidates = Enumerable.Range(0, 20_000).Count(u => ArmAssignment.Arm(3, 1_000_000L + u, 0.2) == ExperimentArmView.CandidateArm);
        Assert.InRange(candidates / 20_000.0, 0.19, 0.21);
    }

    [Fact]
    public void The_candidates_of_one_experiment_are_not_the_candidates_of_the_next()
    {
        var users = Enumerable.Range(0, 20_000).Select(u => 5_000_000L + u).ToArray();
        var same = users.Count(u => ArmAssignment.Arm(1, u, 0.5) == ArmAssignment.Arm(2, u, 0.5));
        Assert.InRange(same / (double)users.Length, 0.48, 0.52);
    }

    [Fact]
    public void A_larger_share_keeps_every_earlier_candidate_in_the_candidate_arm()
    {
        var users = Enumerable.Range(0, 5_000).Select(u => 9_000_000L + u);
        Assert.All(
            users.Where(u => ArmAssignment.Arm(4, u, 0.1) == ExperimentArmView.CandidateArm),
            u => Assert.Equal(ExperimentArmView.CandidateArm, ArmAssignment.Arm(4, u, 0.3)));
    }
}
