namespace CineSync.Runtime;

/// <summary>Anything that identifies a grain: a grain reference or the grain itself.</summary>
public interface IAddressable;

/// <summary>Marker for grain interfaces. Derive from one of the keyed variants.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain identified by a 64-bit integer (for example a Discord user id).</summary>
public interface IGrainWithIntegerKey : IGrain;

/// <summary>A grain identified by a string.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>A grain identified by a <see cref="Guid"/>.</summary>
public interface IGrainWithGuidKey : IGrain;
