using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Experiments;

/// <summary>The experiment running now, as every silo reads it from the <c>experiments</c> table.</summary>
internal sealed record RunningExperiment(int Id, int ControlVersion, int CandidateVersion, double CandidateShare)
{
    /// <summary>The arm <paramref name="userId"/> is in, and the model version it ranks with.</summary>
    public UserArm ArmOf(long userId)
    {
        var arm = ArmAssignment.Arm(Id, userId, CandidateShare);
        return new UserArm(Id, arm, arm == ExperimentArmView.CandidateArm ? CandidateVersion : ControlVersion);
    }
}

/// <summary>A user's arm in an experiment.</summary>
/// <param name="ExperimentId">The experiment.</param>
/// <param name="Arm">"control" or "candidate".</param>
/// <param name="ModelVersion">The trained model version the arm ranks with.</param>
internal readonly record struct UserArm(int ExperimentId, string Arm, int ModelVersion);
