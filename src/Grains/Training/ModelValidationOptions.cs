namespace CineSync.Grains.Training;

/// <summary>
/// Settings of the offline validation of a newly trained model (configuration section <c>ModelValidation</c>): a twin
/// trained without the newest ratings is scored on them, and its Recall@10, NDCG@10 and coverage@10 are stored with the
/// model, for the dashboard.
/// </summary>
public sealed class ModelValidationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "ModelValidation";

    /// <summary>Whether the silo validates the first model it trains, and the <c>train</c> command the model it publishes (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The newest share of each user's ratings held out (default 0.1): a temporal split per user, as the bot meets each user's next titles.</summary>
    public double HoldOutShare { get; set; } = 0.1;

    /// <summary>Most users held out and scored (default 2,000, those with the smallest ids), to bound the time it takes.</summary>
    public int MaxUsers { get; set; } = 2_000;

    internal void Validate()
    {
        if (HoldOutShare is <= 0 or >= 1 || MaxUsers < 1)
        {
            throw new InvalidOperationException("ModelValidation: HoldOutShare must be between 0 and 1 and MaxUsers positive.");
        }
    }
}
