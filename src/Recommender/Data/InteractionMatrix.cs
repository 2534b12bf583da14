namespace CineSync.Recommender.Data;

/// <summary>
/// Compressed sparse rows (CSR) of a rows×columns matrix of ratings with their timestamps.
/// Rows are sorted by column so that a row can be merged or binary-searched.
/// </summary>
internal sealed class InteractionMatrix
{
    public InteractionMatrix(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values, long[] timestamps)
    {
        Rows = rows;
        Columns = columns;
        RowPointers = rowPointers;
        ColumnIndices = columnIndices;
        Values = values;
        Timestamps = timestamps;
    }

    public int Rows { get; }

    public int Columns { get; }

    public int[] RowPointers { get; }

    public int[] ColumnIndices { get; }

    public float[] Values { get; }

    public long[] Timestamps { get; }

    public int NonZeros => ColumnIndices.Length;

    public int RowLength(int row) => RowPointers[row + 1] - RowPointers[row];

    public ReadOnlySpan<int> RowColumns(int row) => ColumnIndices.AsSpan(RowPointers[row], RowLength(row));

    public ReadOnlySpan<float> RowValues(int row) => Values.AsSpan(RowPointers[row], RowLength(row));

    public ReadOnlySpan<long> RowTimestamps(int row) => Timestamps.AsSpan(RowPointers[row], RowLength(row));

    /// <summary>Builds a matrix from (row, column, value, time) entries; a repeated cell keeps the latest entry.</summary>
    public static InteractionMatrix FromEntries(int rows, int columns, IReadOnlyList<MatrixEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var order = new int[entries.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable order: by row, column, then time (latest last so it wins below).
        Array.Sort(order, (a, b) =>
        {
            var x = entries[a];
            var y = entries[b];
            var c = x.Row.CompareTo(y.Row);
            if (c != 0) { return c; }
            c = x.Column.CompareTo(y.Column);
            if (c != 0) { return c; }
            c = x.Timestamp.CompareTo(y.Timestamp);
            return c != 0 ? c : a.CompareTo(b);
        });

        var rowPointers = new int[rows + 1];
        var cols = new List<int>(entries.Count);
        var vals = new List<float>(entries.Count);
        var times = new List<long>(entries.Count);
        for (var k = 0; k < order.Length; k++)
        {
            var e = entries[order[k]];
            if (k + 1 < order.Length)
            {
                var next = entries[order[k + 1]];
                if (next.Row == e.Row && next.Column == e.Column)
                {
                    continue;
                }
            }

            rowPointers[e.Row + 1]++;
            cols.Add(e.Column);
            vals.Add(e.Value);
            times.Add(e.Timestamp);
        }

        for (var r = 0; r < rows; r++)
        {
            rowPointers[r + 1] += rowPointers[r];
        }

        return new InteractionMatrix(rows, columns, rowPointers, [.. cols], [.. vals], [.. times]);
    }

    /// <summary>The columns×rows transpose (CSC view of this matrix as CSR).</summary>
    public InteractionMatrix Transpose()
    {
        var pointers = new int[Columns + 1];
        foreach (var c in ColumnIndices)
        {
            pointers[c + 1]++;
        }

        for (var c = 0; c < Columns; c++)
        {
            pointers[c + 1] += pointers[c];
        }

        var next = (int[])pointers.Clone();
        var indices = new int[NonZeros];
        var values = new float[NonZeros];
        var times = new long[NonZeros];
        for (var r = 0; r < Rows; r++)
        {
            for (var k = RowPointers[r]; k < RowPointers[r + 1]; k++)
            {
                var dest = next[ColumnIndices[k]]++;
                indices[dest] = r;
                values[dest] = Values[k];
                times[dest] = Timestamps[k];
            }
        }

        return new InteractionMatrix(Columns, Rows, pointers, indices, values, times);
    }

    /// <summary>Number of entries per column.</summary>
    public int[] ColumnCounts()
    {
        var counts = new int[Columns];
        foreach (var c in ColumnIndices)
        {
            counts[c]++;
        }

        return counts;
    }
}

/// <summary>One cell of an <see cref="InteractionMatrix"/> under construction.</summary>
internal readonly record struct MatrixEntry(int Row, int Column, float Value, long Timestamp);
