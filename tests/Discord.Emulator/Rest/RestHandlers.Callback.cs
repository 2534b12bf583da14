using System.Text.Json.Nodes;
using CineSync.Discord.Emulator.Interactions;
using CineSync.Discord.Emulator.OpenApi;

namespace CineSync.Discord.Emulator.Rest;

/// <summary>POST /interactions/{id}/{token}/callback: one acknowledgement per interaction, within the deadline.</summary>
internal sealed partial class RestHandlers
{
    private RestResult PostCallback(RestRequest request)
    {
        if (ParseId(request["interaction_id"]) is not { } id
            || !_state.Interactions.TryGetValue(id, out var interaction)
            || interaction.Token != request["interaction_token"])
        {
            return DiscordErrors.UnknownInteraction();
        }

        var body = request.BodyObject;
        var type = (int?)body["type"] ?? 0;
        var data = body["data"] as JsonObject;
        var elapsed = _state.Time.GetElapsedTime(interaction.DispatchedTimestamp);
        var late = elapsed > _state.Options.AcknowledgementDeadline;
        RestResult? refusal = null;
        var recordLate = false;
        lock (_state.Sync)
        {
            if (interaction.Callback is not null)
            {
                refusal = DiscordErrors.AlreadyAcknowledged();
            }
            else if (late && _state.Options.RejectLateAcknowledgements)
            {
                refusal = DiscordErrors.UnknownInteraction();
                recordLate = true;
            }
            else if (!IsAllowed(interaction, type))
            {
                var violation = CompiledSchema.Violation(JsonPointer.Root.Property("type"), "interactionCallbackType", $"callback type {type} is not valid for interaction type {interaction.Type}");
                _state.Record(new ContractViolation(request.Method, request.Path, [violation], body.ToJsonString()));
                refusal = DiscordErrors.InvalidFormBody([violation]);
            }
            else if (type == 4 && MessageWrites.IsEmpty(data, request.Files))
            {
                refusal = MessageWrites.EmptyMessage();
            }
            else
            {
                // Messages first: whoever sees the callback must also see what it created.
                Apply(interaction, type, data, request);
                interaction.Callback = new InteractionCallback(type, (JsonObject?)data?.DeepClone(), elapsed, late);
                recordLate = late;
            }
        }

        if (recordLate)
        {
            _state.LateAcknowledgements.Enqueue(new LateAcknowledgement(interaction.Id, Describe(interaction), elapsed));
        }

        _state.Changed.Pulse();
        if (refusal is not null)
        {
            return refusal;
        }

        return request.Query.TryGetValue("with_response", out var withResponse) && withResponse == "true"
            ? RestResult.Ok(CallbackResponse(interaction, type))
            : RestResult.NoContent;
    }

    private void Apply(InteractionRecord interaction, int type, JsonObject? data, RestRequest request)
    {
        switch (type)
        {
            case 4:
                var reply = MessageWrites.Create(_state, interaction.Channel, data, request.Files, interaction.Id, followUp: false);
                interaction.OriginalMessageId = reply.Id;
                _state.Store(reply);
                break;
            case 5:
                var ephemeral = ((int?)data?["flags"] ?? 0) & 64;
                var placeholder = MessageWrites.Create(_state, interaction.Channel, null, [], interaction.Id, followUp: false, ephemeral | 128);
                interaction.OriginalMessageId = placeholder.Id;
                interaction.AwaitingDeferredReply = true;
                _state.Store(placeholder);
                break;
            case 6:
                interaction.OriginalMessageId = interaction.SourceMessageId;
                break;
            case 7:
                interaction.OriginalMessageId = interaction.SourceMessageId;
                if (interaction.SourceMessageId is { } source && _state.Messages.TryGetValue(source, out var message))
                {
                    _state.Store(MessageWrites.Edit(_state, message, data, request.Files));
                }

                break;
            default:
                break;
        }
    }

    /// <summary>Which callback types Discord accepts for which interaction types.</summary>
    private static bool IsAllowed(InteractionRecord interaction, int callbackType) => interaction.Type switch
    {
        1 => callbackType == 1,
        2 => callbackType is 4 or 5 or 9 or 12,
        3 => callbackType is 4 or 5 or 6 or 7 or 9 or 12,
        4 => callbackType == 8,
        5 => callbackType is 4 or 5 || (callbackType is 6 or 7 && interaction.SourceMessageId is not null),
        _ => false,
    };

    private JsonObject CallbackResponse(InteractionRecord interaction, int type)
    {
        var message = interaction.OriginalMessageId is { } id && _state.Messages.TryGetValue(id, out var found) ? found : null;
        var response = new JsonObject
        {
            ["interaction"] = new JsonObject
            {
                ["id"] = interaction.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["type"] = interaction.Type,
                ["activity_instance_id"] = null,
                ["response_message_id"] = message?.IdString,
                ["response_message_loading"] = message?.IsLoading,
                ["response_message_ephemeral"] = message?.IsEphemeral,
            },
        };
        response["resource"] = message is null ? new JsonObject { ["type"] = type } : new JsonObject { ["type"] = type, ["message"] = message.ToJson() };
        return response;
    }

    internal static string Describe(InteractionRecord interaction) => interaction.Type switch
    {
        2 or 4 => "/" + (string?)interaction.Payload["data"]?["name"],
        3 => "component " + (string?)interaction.Payload["data"]?["custom_id"],
        5 => "modal " + (string?)interaction.Payload["data"]?["custom_id"],
        _ => "interaction type " + interaction.Type,
    };
}
