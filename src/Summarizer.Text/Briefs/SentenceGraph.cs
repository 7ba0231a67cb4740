namespace Summarizer.Text;

/// <summary>
/// Position-aware sentence centrality after PACSUM (Zheng and Lapata, "Sentence Centrality Revisited
/// for Unsupervised Summarization", ACL 2019): a directed graph in which an edge counts for the
/// earlier sentence it leaves and against the later one it reaches, so a sentence that later
/// sentences elaborate is central and one that repeats what came before is not.
/// </summary>
/// <remarks>
/// Edge weights are similarities shifted down by a threshold <c>min + β·(max − min)</c> over the
/// article's off-diagonal similarities, negative edges dropped; then
/// <c>c_i = λ_forward·Σ_{j&gt;i} e_ij − λ_backward·Σ_{j&lt;i} e_ij</c>.
/// </remarks>
internal static class SentenceGraph
{
    /// <summary>Share of the similarity range an edge must rise above to count.</summary>
    public const double Beta = 0.6;

    /// <summary>Weight of edges to later sentences (the sentence is elaborated by what follows).</summary>
    public const double ForwardWeight = 0.7;

    /// <summary>Weight of edges to earlier sentences (the sentence repeats what came before).</summary>
    public const double BackwardWeight = 0.3;

    /// <summary>Directed centrality of every sentence from a symmetric similarity matrix (n × n, row-major).</summary>
    public static double[] Centrality(double[] similarity, int n)
    {
        var result = new double[n];
        if (n < 2)
        {
            return result;
        }

        var (min, max) = (double.MaxValue, double.MinValue);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var s = similarity[(i * n) + j];
                min = Math.Min(min, s);
                max = Math.Max(max, s);
            }
        }

        var threshold = min + (Beta * (max - min));
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var e = similarity[(i * n) + j] - threshold;
                if (e <= 0)
                {
                    continue;
                }

                result[i] += ForwardWeight * e;
                result[j] -= BackwardWeight * e;
            }
        }

        return result;
    }

    /// <summary>Undirected degree centrality, Σ_{j≠i} sim_ij (LexRank's degree, no threshold).</summary>
    public static double[] Degree(double[] similarity, int n)
    {
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (j != i)
                {
                    result[i] += similarity[(i * n) + j];
                }
            }
        }

        return result;
    }

    /// <summary>Cosine similarities of unit-length dense vectors (embeddings).</summary>
    public static double[] Dense(IReadOnlyList<float[]> vectors)
    {
        var n = vectors.Count;
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            result[(i * n) + i] = 1;
            for (var j = i + 1; j < n; j++)
            {
                var s = SentenceVectors.Cosine(vectors[i], vectors[j]);
                result[(i * n) + j] = s;
                result[(j * n) + i] = s;
            }
        }

        return result;
    }

    /// <summary>Cosine similarities of sparse TF-IDF vectors (sorted term ids), by merging the id lists.</summary>
    public static double[] Sparse(IReadOnlyList<(int[] Ids, double[] Weights, double Norm)> vectors)
    {
        var n = vectors.Count;
        var result = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            result[(i * n) + i] = 1;
            var a = vectors[i];
            if (a.Norm == 0)
            {
                continue;
            }

            for (var j = i + 1; j < n; j++)
            {
                var b = vectors[j];
                if (b.Norm == 0)
                {
                    continue;
                }

                double dot = 0;
                int x = 0, y = 0;
                while (x < a.Ids.Length && y < b.Ids.Length)
                {
                    if (a.Ids[x] == b.Ids[y])
                    {
                        dot += a.Weights[x++] * b.Weights[y++];
                    }
                    else if (a.Ids[x] < b.Ids[y])
                    {
                        x++;
                    }
                    else
                    {
                        y++;
                    }
                }

                var s = dot / (a.Norm * b.Norm);
                result[(i * n) + j] = s;
                result[(j * n) + i] = s;
            }
        }

        return result;
    }
}
