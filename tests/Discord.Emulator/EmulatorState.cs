using System.Collections.Concurrent;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.Model;
using CineSync.Discord.Emulator.OpenApi;
using CineSync.Discord.Emulator.Rest;

namespace CineSync.Discord.Emulator;

/// <summary>Everything the emulated Discord knows. Compound updates take <see cref="Sync"/>; every change pulses <see cref="Changed"/>.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(DiscordEmulatorOptions options)
    {
        Options = options;
        Time = options.TimeProvider;
        Ids = new Snowflakes(Time);
        BotUser = new EmulatedUser(options.ApplicationId, options.BotUsername.ToLowerInvariant(), options.BotUsername, IsBot: true);
    }

    public object Sync { get; } = new();

    public AsyncSignal Changed { get; } = new();

    public DiscordEmulatorOptions Options { get; }

    public TimeProvider Time { get; }

    public Snowflakes Ids { get; }

    public EmulatedUser BotUser { get; }

    /// <summary>Recent gateway events, for timeout messages (set by the emulator).</summary>
    public Func<string> GatewaySummary { get; set; } = () => "";

    public ConcurrentDictionary<ulong, EmulatedUser> Users { get; } = new();

    public ConcurrentDictionary<ulong, EmulatedGuild> Guilds { get; } = new();

    public ConcurrentDictionary<ulong, EmulatedChannel> Channels { get; } = new();

    public ConcurrentDictionary<ulong, EmulatedMessage> Messages { get; } = new();

    public ConcurrentDictionary<ulong, InteractionRecord> Interactions { get; } = new();

    public ConcurrentDictionary<string, InteractionRecord> InteractionsByToken { get; } = new(StringComparer.Ordinal);

    /// <summary>Registered commands by scope: "" for global, else the guild id.</summary>
    public ConcurrentDictionary<string, System.Text.Json.Nodes.JsonArray> Commands { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public ConcurrentQueue<ContractViolation> Violations { get; } = new();

    public ConcurrentQueue<LateAcknowledgement> LateAcknowledgements { get; } = new();

    public void Store(EmulatedMessage message)
    {
        Messages[message.Id] = message;
        Changed.Pulse();
    }

    public void Record(RecordedRequest request)
    {
        Requests.Enqueue(request);
        Changed.Pulse();
    }

    public void Record(ContractViolation violation)
    {
        Violations.Enqueue(violation);
        Changed.Pulse();
    }
}

/// <summary>A request body (or protocol use) that broke Discord's contract.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path.</param>
/// <param name="Violations">What broke, by JSON path and rule.</param>
/// <param name="Body">The offending body.</param>
public sealed record ContractViolation(string Method, string Path, IReadOnlyList<SchemaViolation> Violations, string? Body)
{
    /// <inheritdoc />
    public override string ToString() => $"{Method} {Path}: {string.Join("; ", Violations)}";
}

/// <summary>An interaction acknowledged after Discord's 3 s deadline.</summary>
/// <param name="InteractionId">The interaction.</param>
/// <param name="Description">What it was (e.g. <c>/recommend</c> or <c>button vote:1</c>).</param>
/// <param name="Elapsed">Dispatch to acknowledgement.</param>
public sealed record LateAcknowledgement(ulong InteractionId, string Description, TimeSpan Elapsed);
