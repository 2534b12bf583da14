using System.Globalization;
using CineSync.Discord.Commands;

namespace CineSync.Bot.Commands;

/// <summary>Options several commands share (genre, decade, title), so every command offers the same choices.</summary>
internal static class CommandOptions
{
    /// <summary>MovieLens' genres (the catalogue's spelling).</summary>
    public static readonly IReadOnlyList<string> Genres =
    [
        "Action", "Adventure", "Animation", "Children", "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir",
        "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    public static CommandOptionBuilder Genre(string description)
    {
        var option = CommandOptionBuilder.String("genre", description);
        foreach (var genre in Genres)
        {
            option.AddChoice(genre, genre);
        }

        return option;
    }

    public static CommandOptionBuilder Decade()
    {
        var option = CommandOptionBuilder.Integer("decade", "Only titles from this decade");
        for (var decade = 1920; decade <= 2010; decade += 10)
        {
            option.AddChoice(decade.ToString(CultureInfo.InvariantCulture) + "s", decade);
        }

        return option;
    }

    /// <summary>A movie title, at most <see cref="Core.TitleLookup.MaxLength"/> characters (Discord enforces it as the user types).</summary>
    public static CommandOptionBuilder Title(string description, bool required)
    {
        var option = CommandOptionBuilder.String("title", description, required, autocomplete: true);
        option.MaxLength = Core.TitleLookup.MaxLength;
        return option;
    }
}
