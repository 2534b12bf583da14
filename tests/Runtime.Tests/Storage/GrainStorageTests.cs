using CineSync.Database.Migrations;
using CineSync.Runtime.Storage;
using CineSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CineSync.Runtime.Tests.Storage;

public sealed class GrainStorageTests
{
    public static TheoryData<string> Providers => ["memory", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task State_round_trips_with_a_new_etag_per_write(string provider)
    {
        var storage = await CreateAsync(provider);
        var key = new GrainStateKey("user-taste", "123", "taste");

        var written = new Stored<Sample>();
        await storage.ReadStateAsync(key, written, default);
        Assert.False(written.RecordExists);
        Assert.Null(written.ETag);
        written.State = new Sample { Name = "Ada", Ratings = [4.5f, 3f] };
        await storage.WriteStateAsync(key, written, default);
        var first = written.ETag;
        written.State.Name = "Ada L.";
        await storage.WriteStateAsync(key, written, default);

        var read = new Stored<Sample>();
        await storage.ReadStateAsync(key, read, default);
        Assert.True(read.RecordExists);
        Assert.Equal("Ada L.", read.State.Name);
        Assert.Equal([4.5f, 3f], read.State.Ratings);
        Assert.Equal(written.ETag, read.ETag);
        Assert.NotEqual(first, read.ETag);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_writer_with_a_stale_etag_fails_and_overwrites_nothing(string provider)
    {
        var storage = await CreateAsync(provider);
        var key = new GrainStateKey("user-taste", "7", "taste");
        var a = new Stored<Sample>();
        var b = new Stored<Sample>();
        await storage.ReadStateAsync(key, a, default);
        await storage.ReadStateAsync(key, b, default);

        a.State.Name = "from a";
        await storage.WriteStateAsync(key, a, default);
        b.State.Name = "from b";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(key, b, default));

        await storage.ReadStateAsync(key, b, default);
        Assert.Equal("from a", b.State.Name);
        b.State.Name = "b again";
        await storage.WriteStateAsync(key, b, default);
        a.State.Name = "a is stale now";
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(key, a, default));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync(key, a, default));

        var check = new Stored<Sample>();
        await storage.ReadStateAsync(key, check, default);
        Assert.Equal("b again", check.State.Name);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Clearing_resets_the_state_and_still_rejects_writers_from_before_the_clear(string provider)
    {
        var storage = await CreateAsync(provider);
        var key = new GrainStateKey("watch-party", "p1", "party");
        var owner = new Stored<Sample>();
        await storage.ReadStateAsync(key, owner, default);
        owner.State.Name = "party";
        await storage.WriteStateAsync(key, owner, default);
        var stale = new Stored<Sample>();
        await storage.ReadStateAsync(key, stale, default);

        await storage.ClearStateAsync(key, owner, default);
        Assert.False(owner.RecordExists);
        Assert.Null(owner.State.Name);

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync(key, stale, default));
        var read = new Stored<Sample>();
        await storage.ReadStateAsync(key, read, default);
        Assert.False(read.RecordExists);
        owner.State.Name = "again";
        await storage.WriteStateAsync(key, owner, default);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_grain_types_with_the_same_key_and_state_name_keep_separate_state(string provider)
    {
        var storage = await CreateAsync(provider);
        var user = new Stored<Sample> { State = new Sample { Name = "user" } };
        var party = new Stored<Sample> { State = new Sample { Name = "party" } };
        await storage.WriteStateAsync(new GrainStateKey("user-taste", "1", "state"), user, default);
        await storage.WriteStateAsync(new GrainStateKey("watch-party", "1", "state"), party, default);

        var read = new Stored<Sample>();
        await storage.ReadStateAsync(new GrainStateKey("user-taste", "1", "state"), read, default);
        Assert.Equal("user", read.State.Name);
    }

    [Fact]
    public async Task Postgres_rows_are_keyed_by_grain_type_key_and_state_name_with_the_schema_version()
    {
        var cs = await PostgresServer.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(cs);
        var storage = Create("postgres", cs);
        var state = new Stored<Sample> { State = new Sample { Name = "x" } };
        await storage.WriteStateAsync(new GrainStateKey("user-taste", "99", "taste"), state, default);

        await using var connection = new NpgsqlConnection(cs);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT version, schema_version, payload->>'name' FROM grain_state WHERE grain_type = 'user-taste' AND grain_key = '99' AND state_name = 'taste'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(1L, reader.GetInt64(0));
        Assert.Equal(3, reader.GetInt32(1));
        Assert.Equal("x", reader.GetString(2));
    }

    private static async Task<IGrainStorage> CreateAsync(string provider)
    {
        if (provider == "memory")
        {
            return Create(provider, "");
        }

        var cs = await PostgresServer.CreateDatabaseAsync();
        await DatabaseMigrator.MigrateAsync(cs);
        return Create(provider, cs);
    }

    private static IGrainStorage Create(string provider, string connectionString)
    {
        var services = new ServiceCollection();
        var silo = services.AddSilo();
        if (provider == "memory")
        {
            silo.AddMemoryGrainStorage("store");
        }
        else
        {
            silo.AddPostgresGrainStorage("store", connectionString);
        }

        return services.BuildServiceProvider().GetRequiredKeyedService<IGrainStorage>("store");
    }

    [StateSchemaVersion(3)]
    public sealed class Sample
    {
        public string? Name { get; set; }

        public float[] Ratings { get; set; } = [];
    }

    private sealed class Stored<T> : IGrainState<T> where T : new()
    {
        public T State { get; set; } = new();

        public string? ETag { get; set; }

        public bool RecordExists { get; set; }
    }
}
