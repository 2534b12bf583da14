using System.Globalization;
using CineSync.Recommender.Evaluation;

namespace CineSync.Recommender.Cli;

/// <summary>Writes dumped top-K lists as CSV with the header <c>model,user,rank,item</c> (external ids, rank 1 = best).</summary>
internal sealed class TopListWriter : IDisposable
{
    private readonly StreamWriter _writer;

    public TopListWriter(string path)
    {
        Path = path;
        _writer = new StreamWriter(path) { NewLine = "\n" };
        _writer.WriteLine("model,user,rank,item");
    }

    public string Path { get; }

    public void Write(TopListEntry entry)
        => _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Model},{entry.UserId},{entry.Rank},{entry.ItemId}"));

    public void Dispose() => _writer.Dispose();
}
