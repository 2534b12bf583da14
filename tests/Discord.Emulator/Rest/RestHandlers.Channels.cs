using CineSync.Discord.Emulator.Model;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>Plain channel messages sent by the bot.</summary>
internal sealed partial class RestHandlers
{
    private RestResult PostChannelMessage(RestRequest request)
    {
        if (Channel(request) is not { } channel)
        {
            return DiscordErrors.UnknownChannel();
        }

        if (MessageWrites.IsEmpty(request.BodyObject, request.Files))
        {
            return MessageWrites.EmptyMessage();
        }

        var message = MessageWrites.Create(_state, channel, request.BodyObject, request.Files, interactionId: null, followUp: false) with
        {
            Flags = ((int?)request.BodyObject["flags"] ?? 0) & (4 | 4096 | 32768),
        };
        _state.Store(message);
        return RestResult.Ok(message.ToJson());
    }

    private RestResult GetChannelMessage(RestRequest request) => OnChannelMessage(request, message => RestResult.Ok(message.ToJson()));

    private RestResult PatchChannelMessage(RestRequest request) => OnChannelMessage(request, message => StoreEdit(request, message));

    private RestResult DeleteChannelMessage(RestRequest request) => OnChannelMessage(request, StoreDeletion);

    private RestResult OnChannelMessage(RestRequest request, Func<EmulatedMessage, RestResult> action)
    {
        lock (_state.Sync)
        {
            return ChannelMessage(request) is { } message ? action(message) : DiscordErrors.UnknownMessage();
        }
    }

    private RestResult StoreEdit(RestRequest request, EmulatedMessage message)
    {
        var edited = MessageWrites.Edit(_state, message, request.BodyObject, request.Files);
        _state.Store(edited);
        return RestResult.Ok(edited.ToJson());
    }

    private RestResult StoreDeletion(EmulatedMessage message)
    {
        _state.Store(message with { IsDeleted = true });
        return RestResult.NoContent;
    }

    private EmulatedChannel? Channel(RestRequest request) =>
        ParseId(request["channel_id"]) is { } id && _state.Channels.TryGetValue(id, out var channel) ? channel : null;

    private EmulatedMessage? ChannelMessage(RestRequest request) =>
        Channel(request) is { } channel
        && ParseId(request["message_id"]) is { } id
        && _state.Messages.TryGetValue(id, out var message)
        && message.Channel.Id == channel.Id
        && !message.IsDeleted
            ? message
            : null;
}
