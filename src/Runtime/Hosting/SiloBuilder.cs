using System.Reflection;
using CineSync.Runtime.Core;
using CineSync.Runtime.Serialization;
using CineSync.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CineSync.Runtime.Hosting;

/// <summary>Adds grains, storage providers and call filters to a silo (returned by <c>AddSilo</c>).</summary>
public sealed class SiloBuilder
{
    internal SiloBuilder(IServiceCollection services, SiloGrainAssemblies assemblies)
    {
        Services = services;
        Assemblies = assemblies;
    }

    /// <summary>The service collection the silo is registered in.</summary>
    public IServiceCollection Services { get; }

    internal SiloGrainAssemblies Assemblies { get; }

    /// <summary>Hosts the grain classes of <paramref name="assembly"/> (classes of assemblies already loaded are found too).</summary>
    public SiloBuilder AddGrains(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        Assemblies.Assemblies.Add(assembly);
        return this;
    }

    /// <summary>Adds an in-memory storage provider named <paramref name="name"/> (tests and development).</summary>
    public SiloBuilder AddMemoryGrainStorage(string name = PersistentStateAttribute.DefaultStorageName)
    {
        Services.AddKeyedSingleton<IGrainStorage>(name, (_, _) => new MemoryGrainStorage());
        return this;
    }

    /// <summary>Adds a PostgreSQL storage provider named <paramref name="name"/> over the <c>grain_state</c> table.</summary>
    public SiloBuilder AddPostgresGrainStorage(string name, string connectionString) =>
        AddPostgresGrainStorage(name, _ => connectionString);

    /// <summary>Adds a PostgreSQL storage provider whose connection string is resolved from services at first use.</summary>
    public SiloBuilder AddPostgresGrainStorage(string name, Func<IServiceProvider, string> connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        Services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) => new PostgresGrainStorage(name, () => NpgsqlDataSource.Create(connectionString(sp))));
        return this;
    }

    /// <summary>
    /// Joins the cluster <see cref="SiloOptions.ClusterId"/> through the PostgreSQL membership table
    /// (<c>cluster_members</c>): the silo listens for other silos, heartbeats, and places grains across the
    /// live silos. Without this call the silo runs alone.
    /// </summary>
    public SiloBuilder UseMembershipTable(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return UseMembershipTable(_ => Task.FromResult(connectionString));
    }

    /// <summary>Joins a cluster through the membership table; the connection string is resolved at start-up.</summary>
    public SiloBuilder UseMembershipTable(Func<IServiceProvider, Task<string>> connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        Services.AddSingleton(new MembershipTableRegistration(connectionString));
        return this;
    }

    /// <summary>Adds a silo-wide incoming call filter.</summary>
    public SiloBuilder AddIncomingGrainCallFilter<TFilter>() where TFilter : class, IIncomingGrainCallFilter
    {
        Services.AddSingleton<IIncomingGrainCallFilter, TFilter>();
        return this;
    }

    /// <summary>Adds a silo-wide incoming call filter instance.</summary>
    public SiloBuilder AddIncomingGrainCallFilter(IIncomingGrainCallFilter filter)
    {
        Services.AddSingleton(filter);
        return this;
    }

    /// <summary>Registers a source-generated JSON context for state and argument types (see <see cref="GrainSerialization"/>).</summary>
    public SiloBuilder AddJsonTypeInfoResolver(System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver resolver)
    {
        GrainSerialization.AddTypeInfoResolver(resolver);
        return this;
    }
}
