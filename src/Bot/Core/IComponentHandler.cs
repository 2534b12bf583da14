namespace CineSync.Bot.Core;

/// <summary>Handles buttons whose custom_id starts with <see cref="Prefix"/>.</summary>
internal interface IComponentHandler
{
    static abstract string Prefix { get; }

    static abstract Acknowledgement Acknowledgement { get; }

    Task<BotReply> HandleAsync(ComponentInput input, CancellationToken cancellationToken);
}
