namespace CineSync.Discord.Emulator.OpenApi;

/// <summary>The JSON-Schema <c>type</c> keyword as flags, so <c>["string", "null"]</c> is one check.</summary>
[Flags]
internal enum JsonTypes
{
    None = 0,
    Null = 1,
    Boolean = 2,
    Object = 4,
    Array = 8,
    Number = 16,
    Integer = 32,
    String = 64,
}
