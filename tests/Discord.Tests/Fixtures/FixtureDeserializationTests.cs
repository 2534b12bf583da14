using System.Text.Json;
using CineSync.Discord.Gateway;
using CineSync.Discord.Interactions;
using CineSync.Discord.JsonModels;
using CineSync.Discord.Serialization;

namespace CineSync.Discord.Tests.Fixtures;

/// <summary>Every shared fixture reads into the client's wire models; what we send round-trips unchanged.</summary>
public sealed class FixtureDeserializationTests
{
    private static readonly DiscordJsonContext Json = DiscordJsonContext.Default;

    public static TheoryData<string> AllFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in FixtureCatalog.Entries())
        {
            data.Add(path);
        }

        return data;
    }

    public static TheoryData<string> SentFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var (path, direction) in FixtureCatalog.Entries())
        {
            // identify-full carries `compress` and `presence`, which the client never sends; it still deserialises.
            if (direction is "send" or "request" && path != "gateway/op2-identify-full.json")
            {
                data.Add(path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Every_fixture_deserialises_into_the_wire_models(string fixture)
    {
        var text = FixtureCatalog.Read(fixture);

        var model = Deserialize(fixture, text);

        Assert.NotNull(model);
    }

    [Theory]
    [MemberData(nameof(SentFixtures))]
    public void Sent_and_requested_fixtures_round_trip_without_losing_fields(string fixture)
    {
        using var original = FixtureCatalog.Parse(fixture);
        var text = original.RootElement.GetRawText();

        var written = Serialize(fixture, text);

        using var roundTripped = JsonDocument.Parse(written);
        JsonAssert.Equivalent(original.RootElement, roundTripped.RootElement);
    }

    [Fact]
    public void Interaction_fixtures_become_typed_interactions()
    {
        Assert.IsType<PingInteraction>(Create("authored/interaction-ping.json"));
        Assert.IsType<AutocompleteInteraction>(Create("interactions/autocomplete.json"));
        Assert.IsType<ComponentInteraction>(Create("interactions/component-button-partial.json"));
        Assert.IsType<ModalSubmitInteraction>(Create("interactions/modal-submit-label-text-input-partial.json"));
        var slash = Assert.IsType<ApplicationCommandInteraction>(Create("interactions/application-command-slash.json"));
        Assert.Equal("The Gitrog Monster", slash.GetString("cardname"));
        Assert.Equal(53908232506183680UL, slash.User.Id);
    }

    [Fact]
    public void Gateway_close_code_table_matches_discords()
    {
        using var table = FixtureCatalog.Parse("gateway/close-codes.json");
        var codes = table.RootElement.GetProperty("codes").EnumerateArray().ToArray();

        foreach (var entry in codes)
        {
            var code = entry.GetProperty("code").GetInt32();
            var expected = !entry.GetProperty("reconnect").GetBoolean() ? GatewayCloseAction.Stop
                : entry.GetProperty("resume_allowed").GetBoolean() ? GatewayCloseAction.Resume
                : GatewayCloseAction.Identify;
            Assert.True(expected == GatewayCloseCodes.Classify(code), $"close code {code}");
        }

        Assert.Equal(codes.Select(c => c.GetProperty("code").GetInt32()).Order(), GatewayCloseCodes.Known.Order());
        Assert.Equal(GatewayCloseAction.Resume, GatewayCloseCodes.Classify(null));
    }

    private static Interaction Create(string fixture)
        => Interaction.Create(JsonSerializer.Deserialize(FixtureCatalog.Read(fixture), Json.JsonInteraction)!);

    private static object? Deserialize(string fixture, string text)
    {
        var folder = fixture.Split('/')[0];
        var name = Path.GetFileNameWithoutExtension(fixture);
        if (folder == "gateway")
        {
            return name == "close-codes" ? JsonDocument.Parse(text) : GatewayPayload(name, text);
        }

        return (folder, name) switch
        {
            ("rest", "get-gateway-response" or "get-gateway-bot-response") => JsonSerializer.Deserialize(text, Json.JsonGatewayBot),
            ("rest", "rate-limit-responses") => Each(text, "responses", r => r.GetProperty("body").ValueKind == JsonValueKind.Null ? new object() : r.GetProperty("body").Deserialize(Json.JsonRateLimitResponse)),
            ("rest", "error-responses") => Each(text, "examples", r => r.GetProperty("body").Deserialize(Json.JsonErrorResponse)),
            ("commands", _) or ("authored", "command-watchparty-definition") => JsonSerializer.Deserialize(text, Json.JsonApplicationCommand),
            ("interactions", _) => JsonSerializer.Deserialize(text, Json.JsonInteraction),
            ("authored", _) when name.StartsWith("interaction-", StringComparison.Ordinal) => JsonSerializer.Deserialize(text, Json.JsonInteraction),
            ("responses", _) => JsonSerializer.Deserialize(text, Json.JsonInteractionResponse),
            ("authored", _) when name.StartsWith("response-", StringComparison.Ordinal) => JsonSerializer.Deserialize(text, Json.JsonInteractionResponse),
            ("components", _) => JsonSerializer.Deserialize(text, Json.JsonMessagePayload),
            ("authored", "ed25519-interaction-signatures") => JsonDocument.Parse(text),
            _ => throw new InvalidOperationException($"No wire model is mapped for fixture {fixture}; add it to this test."),
        };
    }

    private static string Serialize(string fixture, string text)
    {
        var model = Deserialize(fixture, text);
        return model switch
        {
            JsonGatewayPayload payload => GatewayPayloadText(payload),
            JsonApplicationCommand command => JsonSerializer.Serialize(command, Json.JsonApplicationCommand),
            JsonInteractionResponse response => JsonSerializer.Serialize(response, Json.JsonInteractionResponse),
            JsonMessagePayload message => JsonSerializer.Serialize(message, Json.JsonMessagePayload),
            _ => throw new InvalidOperationException($"{fixture} is not a sent body."),
        };
    }

    private static JsonGatewayPayload GatewayPayload(string name, string text)
    {
        var payload = JsonSerializer.Deserialize(text, Json.JsonGatewayPayload)!;
        object? data = name switch
        {
            "op10-hello" => payload.Data.Deserialize(Json.JsonHello),
            "op2-identify-minimal" or "op2-identify-full" => payload.Data.Deserialize(Json.JsonIdentify),
            "op6-resume" => payload.Data.Deserialize(Json.JsonResume),
            _ => payload,
        };
        Assert.NotNull(data);
        return payload;
    }

    private static string GatewayPayloadText(JsonGatewayPayload payload) => payload.Opcode switch
    {
        2 => JsonSerializer.Serialize(new JsonGatewaySendPayload<JsonIdentify> { Opcode = 2, Data = payload.Data.Deserialize(Json.JsonIdentify) }, Json.JsonGatewaySendPayloadJsonIdentify),
        6 => JsonSerializer.Serialize(new JsonGatewaySendPayload<JsonResume> { Opcode = 6, Data = payload.Data.Deserialize(Json.JsonResume) }, Json.JsonGatewaySendPayloadJsonResume),
        1 => JsonSerializer.Serialize(new JsonGatewaySendPayload<int?> { Opcode = 1, Data = payload.Data.Deserialize(Json.Int32) }, Json.JsonGatewaySendPayloadNullableInt32),
        _ => throw new InvalidOperationException($"op {payload.Opcode} is not sent by the client."),
    };

    private static object[] Each(string text, string property, Func<JsonElement, object?> read)
    {
        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.GetProperty(property).EnumerateArray().Select(e => read(e) ?? throw new InvalidOperationException("null"))];
    }
}
