using CineSync.Grains.Interfaces;

namespace CineSync.Grains.Catalogue;

/// <summary>One title with what search and stats need besides its public <see cref="TitleInfo"/>.</summary>
/// <param name="Info">The title as the bot sees it.</param>
/// <param name="Directors">Director names.</param>
/// <param name="Actors">Leading cast, in billing order.</param>
/// <param name="Key">Normalised display title (see <see cref="TitleText.Key"/>).</param>
/// <param name="Trigrams">Trigram hashes of <paramref name="Key"/>.</param>
internal sealed record CatalogueEntry(TitleInfo Info, IReadOnlyList<string> Directors, IReadOnlyList<string> Actors, string Key, int[] Trigrams);
