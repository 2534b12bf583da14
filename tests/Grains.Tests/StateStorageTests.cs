using System.Text.Json;
using CineSync.Grains.Interfaces;
using Npgsql;

namespace CineSync.Grains.Tests;

/// <summary>Taste state lives in Orleans' grain storage as plain JSON, and state from before the move to Orleans is kept.</summary>
[Collection(GrainsCollection.Name)]
public sealed class StateStorageTests(GrainsFixture fixture)
{
    [Fact]
    public async Task Stored_taste_state_is_readable_json_without_clr_type_names()
    {
        var id = fixture.NewUserId();
        var user = fixture.Silo.Client.GetGrain<IUserTasteGrain>(id);
        await user.SetFavouriteGenresAsync(["Drama", "Comedy"]);
        await user.FeedbackAsync(318, FeedbackKind.NotInterested, "knn");

        var json = await PayloadAsync(id);

        Assert.DoesNotContain("$type", json, StringComparison.Ordinal);
        Assert.DoesNotContain("CineSync.", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(["Drama", "Comedy"], document.RootElement.GetProperty("favouriteGenres").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal([318], document.RootElement.GetProperty("excluded").EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task Taste_state_stored_before_the_move_to_orleans_is_carried_over_at_silo_start()
    {
        var withState = fixture.NewUserId();
        var tombstone = fixture.NewUserId();
        await fixture.ScalarAsync($$$"""
            INSERT INTO grain_state (grain_type, grain_key, state_name, version, payload) VALUES
              ('user-taste', '{{{withState}}}', 'taste', 7,
               '{"favouriteGenres":["Horror"],"arms":{"ease":{"alpha":9.5,"beta":4}},"excluded":[296,593],"feedbackCounts":{"Dislike":2}}'),
              ('user-taste', '{{{tombstone}}}', 'taste', 3, 'null');
            SELECT 0
            """);

        // A silo starting over this database carries the rows across before it takes calls.
        await using var silo = await fixture.StartSiloAsync();

        var user = silo.Client.GetGrain<IUserTasteGrain>(withState);
        Assert.Equal(["Horror"], (await user.GetOnboardingAsync(3)).FavouriteGenres);
        Assert.Equal(2, (await user.GetStatsAsync()).Feedback[FeedbackKind.Dislike]);
        using var export = JsonDocument.Parse(await user.ExportAsync());
        Assert.Equal([296, 593], export.RootElement.GetProperty("hidden_titles").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(9.5f, export.RootElement.GetProperty("ensemble_beliefs").GetProperty("ease").GetProperty("alpha").GetSingle());
        Assert.Empty((await silo.Client.GetGrain<IUserTasteGrain>(tombstone).GetOnboardingAsync(3)).FavouriteGenres);
        Assert.Equal(0, await fixture.ScalarAsync("SELECT count(*) FROM grain_state WHERE grain_key IN (@a, @b)", ("a", withState.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("b", tombstone.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private async Task<string> PayloadAsync(long userId)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT convert_from(payload_binary, 'UTF8') FROM orleans_storage WHERE grain_type_string = 'user-taste' AND grain_id_n1 = @u", connection);
        command.Parameters.AddWithValue("u", userId);
        return (string)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"No stored state for user {userId}."));
    }
}
