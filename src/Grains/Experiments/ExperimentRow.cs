namespace CineSync.Grains.Experiments;

/// <summary>One row of the <c>experiments</c> table.</summary>
internal sealed record ExperimentRow(
    int Id,
    string Name,
    string Origin,
    int ControlVersion,
    int CandidateVersion,
    double CandidateShare,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string? Note);
