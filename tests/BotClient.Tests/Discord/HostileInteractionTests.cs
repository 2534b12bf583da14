using System.Globalization;
using System.Text.Json.Nodes;
using CineSync.BotClient.Tests.Infrastructure;
using CineSync.Discord.Emulator.Model;
using Npgsql;

namespace CineSync.BotClient.Tests.Discord;

/// <summary>
/// Interactions the bot never offered — ill-typed options, out-of-range stars, forged or damaged button ids — reach the
/// bot through Discord as real ones do. Each is answered privately with a sentence a user can act on (no generic
/// "something went wrong", no "interaction failed"), and nothing is stored.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class HostileInteractionTests(ClusterFixture cluster)
{
    private const string Fault = "Sorry, something went wrong";

    public static TheoryData<string> RateOptions() =>
    [
        """[{"name":"title","type":3,"value":"The Matrix (1999)"},{"name":"stars","type":10,"value":7}]""",
        """[{"name":"title","type":3,"value":"The Matrix (1999)"},{"name":"stars","type":10,"value":0.3}]""",
        """[{"name":"title","type":3,"value":"The Matrix (1999)"},{"name":"stars","type":10,"value":-4}]""",
        """[{"name":"title","type":3,"value":"The Matrix (1999)"},{"name":"stars","type":10,"value":1e308}]""",
        """[{"name":"title","type":3,"value":"The Matrix (1999)"},{"name":"stars","type":10,"value":"4.5; DROP TABLE user_ratings"}]""",
        """[{"name":"title","type":3,"value":[1,2]},{"name":"stars","type":10,"value":4}]""",
        """[{"name":"title","type":3,"value":{"id":1}},{"name":"stars","type":10,"value":4}]""",
        """[{"name":"title","type":3,"value":"' OR 1=1 --"},{"name":"stars","type":10,"value":4}]""",
        "[{\"name\":\"title\",\"type\":3,\"value\":\"" + new string('x', 6000) + "\"},{\"name\":\"stars\",\"type\":10,\"value\":4}]",
        """[{"name":"nonsense","type":3,"value":"x"},{"name":"stars","type":10,"value":4}]""",
    ];

    [Theory]
    [MemberData(nameof(RateOptions))]
    public async Task An_ill_typed_or_out_of_range_rating_is_refused_privately_and_nothing_is_stored(string options)
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var alice = scene.NewUser("alice");
        var data = new JsonObject { ["name"] = "rate", ["type"] = 1, ["options"] = JsonNode.Parse(options) };

        var handle = await scene.Discord.SendUncheckedAsync(2, alice, scene.Channel, data);
        var response = await handle.WaitForResponseAsync(DiscordScene.Wait);

        // A value the bot cannot read as stars opens the rating form (nothing stored yet); anything else is a private refusal.
        if (response.Type != 9)
        {
            var reply = await handle.WaitForReplyAsync(timeout: DiscordScene.Wait);
            Assert.True(reply.IsEphemeral, reply.Content);
            Assert.DoesNotContain("Rated", reply.Content, StringComparison.Ordinal);
            Assert.DoesNotContain(Fault, reply.Content, StringComparison.Ordinal);
        }

        Assert.Equal(0, await RowsAsync(alice));
        scene.AssertCleanRun();
    }

    public static TheoryData<string> ForgedButtons() =>
    [
        "fb:like:abc:{owner}:-",
        "fb:like:99999999:{owner}:-",
        "fb:like:-1:{owner}:-",
        "fb:like:1:{other}:-",
        "fb:like",
        "fb",
        "rate:abc:{owner}",
        "rate:2147483648:{owner}",
        "vote:x",
        "vote:no-such-party:1:1",
        "del:yes:{other}",
        "del",
        "zz:unknown:42",
        "",
        "::::",
    ];

    [Theory]
    [MemberData(nameof(ForgedButtons))]
    public async Task A_forged_or_damaged_button_is_answered_privately_and_nothing_is_stored(string customId)
    {
        await using var scene = await DiscordScene.StartAsync(cluster.Silo.Client);
        var (alice, bob) = (scene.NewUser("alice"), scene.NewUser("bob"));
        var id = customId.Replace("{owner}", alice.IdString, StringComparison.Ordinal).Replace("{other}", bob.IdString, StringComparison.Ordinal);
        var data = new JsonObject { ["custom_id"] = id, ["component_type"] = 2 };

        var handle = await scene.Discord.SendUncheckedAsync(3, alice, scene.Channel, data);
        var reply = await handle.WaitForReplyAsync(timeout: DiscordScene.Wait);

        Assert.True(reply.IsEphemeral, reply.Content);
        Assert.NotEqual("", reply.Content);
        Assert.DoesNotContain(Fault, reply.Content, StringComparison.Ordinal);
        Assert.Equal(0, await RowsAsync(alice));
        scene.AssertCleanRun();
    }

    /// <summary>The user's ratings and feedback rows.</summary>
    private async Task<long> RowsAsync(EmulatedUser user)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM user_ratings WHERE user_id = @u) + (SELECT count(*) FROM feedback WHERE user_id = @u)", connection);
        command.Parameters.AddWithValue("u", long.Parse(user.IdString, CultureInfo.InvariantCulture));
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
