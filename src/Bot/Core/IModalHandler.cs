namespace CineSync.Bot.Core;

/// <summary>Handles forms whose custom_id starts with <see cref="Prefix"/>.</summary>
internal interface IModalHandler
{
    static abstract string Prefix { get; }

    Task<BotReply> SubmitAsync(ModalInput input, CancellationToken cancellationToken);
}
