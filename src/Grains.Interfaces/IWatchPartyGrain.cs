using Orleans.Concurrency;

namespace CineSync.Grains.Interfaces;

/// <summary>A watch party (key: party id, e.g. the Discord interaction id): ranks for the group, takes votes, settles a pick.</summary>
[Alias("cinesync.WatchPartyGrain")]
public interface IWatchPartyGrain : IGrainWithStringKey
{
    /// <summary>Starts the party: gathers members' tastes, ranks, builds the shortlist. Throws <see cref="WatchPartyException"/> when invalid.</summary>
    [Alias("StartAsync")]
    Task<PartyView> StartAsync(PartySetup setup);

    /// <summary>A member approves or vetoes a shortlisted title; returns the live tally (settled once a majority approves, or after everyone voted).</summary>
    [Alias("VoteAsync")]
    Task<PartyView> VoteAsync(long memberId, int movieId, bool approve);

    /// <summary>The party as it stands.</summary>
    [ReadOnly]
    [Alias("GetAsync")]
    Task<PartyView> GetAsync();
}
