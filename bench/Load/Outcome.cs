using CineSync.Bot.Core;
using CineSync.Grains.Interfaces;

namespace CineSync.Load.Bench;

/// <summary>What a reply says about how its request went: "ok", or the kind of failure the user was told about.</summary>
internal static class Outcome
{
    public const string Ok = "ok";

    /// <summary>A command that answers publicly (recommend, why, similar, watch party) succeeded unless it answered privately.</summary>
    public static string Public(BotReply reply) => reply.Ephemeral || reply.Modal is not null ? Classify(reply) : Ok;

    /// <summary>The failure kind of a reply that is not the success it should have been (see BotErrors for the texts).</summary>
    public static string Classify(BotReply reply)
    {
        var text = reply.Content ?? "";
        return text switch
        {
            StorageUnavailableException.CouldNotSave => "database-unavailable (not saved)",
            StorageUnavailableException.CouldNotLoad => "database-unavailable (not loaded)",
            _ when text.StartsWith("CineSync's servers are restarting", StringComparison.Ordinal) => "silo-unavailable",
            _ when text.StartsWith("That took too long", StringComparison.Ordinal) => "timeout",
            _ when text.StartsWith("Sorry, something went wrong", StringComparison.Ordinal) => "fault",
            _ when text == ModelNotReadyException.WarmingUp => "model-warming-up",
            _ => "refusal: " + (text.Length > 60 ? text[..60] + "…" : text),
        };
    }
}
