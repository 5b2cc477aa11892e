namespace Microsoft.ML.NasTuners.Surrogates;

/// <summary>
/// Grows the regression trees of a <see cref="RandomForest"/>. Each tree is grown on weighted rows (a bootstrap
/// sample becomes the number of times each row was drawn), with every feature's rows kept sorted by value: the rows
/// are sorted once per fit, and a split partitions each sorted list stably, so finding the best numeric split at a
/// node is one linear sweep rather than a sort. Scratch buffers are reused across trees and fits.
/// </summary>
internal sealed class RegressionTreeBuilder
{
    private readonly int[] _categoryCounts;
    private readonly RandomForestOptions _options;
    private readonly int _featureCount;
    private readonly int _maskWords;

    // Per fit: the data by column, and for each feature all rows sorted by that feature.
    private double[][] _columns = [];
    private double[] _targets = [];
    private int[][] _sortedRows = [];
    private int _rowCount;

    // Per tree: the weight of each row, and each feature's rows (of positive weight) in sorted order.
    private int[] _weights = [];
    private int[][] _order = [];
    private int[] _partitionBuffer = [];
    private bool[] _goesLeft = [];
    private readonly int[] _featurePermutation;

    // Categorical split scratch, sized by the largest category count.
    private readonly double[] _categoryWeight;
    private readonly double[] _categorySum;
    private readonly double[] _categoryMean;
    private readonly int[] _categoryIds;
    private readonly int[] _bestCategoryIds;
    private readonly bool[] _categoryPresent;

    public RegressionTreeBuilder(int[] categoryCounts, RandomForestOptions options)
    {
        _categoryCounts = categoryCounts;
        _options = options;
        _featureCount = categoryCounts.Length;
        var maxCategories = 0;
        foreach (var c in categoryCounts) maxCategories = Math.Max(maxCategories, c);
        _maskWords = maxCategories == 0 ? 0 : (maxCategories + 63) / 64;
        _featurePermutation = new int[_featureCount];
        _categoryWeight = new double[maxCategories];
        _categorySum = new double[maxCategories];
        _categoryMean = new double[maxCategories];
        _categoryIds = new int[maxCategories];
        _bestCategoryIds = new int[maxCategories];
        _categoryPresent = new bool[maxCategories];
    }

    /// <summary>Takes the data of a fit: stores it by column and sorts each feature's rows once.</summary>
    public void SetData(IReadOnlyList<double[]> features, IReadOnlyList<double> targets)
    {
        var n = features.Count;
        _rowCount = n;
        if (_columns.Length != _featureCount || (_featureCount > 0 && _columns[0].Length < n))
        {
            var capacity = Math.Max(n, 16);
            _columns = new double[_featureCount][];
            _sortedRows = new int[_featureCount][];
            _order = new int[_featureCount][];
            for (var f = 0; f < _featureCount; f++)
            {
                _columns[f] = new double[capacity];
                _sortedRows[f] = new int[capacity];
                _order[f] = new int[capacity];
            }
            _targets = new double[capacity];
            _weights = new int[capacity];
            _partitionBuffer = new int[capacity];
            _goesLeft = new bool[capacity];
        }
        for (var i = 0; i < n; i++)
        {
            var row = features[i];
            for (var f = 0; f < _featureCount; f++) _columns[f][i] = row[f];
            _targets[i] = targets[i];
        }
        var keys = new double[n];
        for (var f = 0; f < _featureCount; f++)
        {
            Array.Copy(_columns[f], keys, n);
            var rows = _sortedRows[f];
            for (var i = 0; i < n; i++) rows[i] = i;
            Array.Sort(keys, rows, 0, n);
        }
    }

    /// <summary>Grows one tree on the current data.</summary>
    public RegressionTree Grow(Random random)
    {
        var n = _rowCount;
        Array.Clear(_weights, 0, n);
        if (_options.Bootstrap)
        {
            for (var i = 0; i < n; i++) _weights[random.Next(n)]++;
        }
        else
        {
            Array.Fill(_weights, 1, 0, n);
        }

        // Every feature's list holds the rows of positive weight, in that feature's sorted order.
        var distinct = 0;
        for (var f = 0; f < _featureCount; f++)
        {
            var sorted = _sortedRows[f];
            var order = _order[f];
            var k = 0;
            for (var i = 0; i < n; i++)
            {
                var row = sorted[i];
                if (_weights[row] > 0) order[k++] = row;
            }
            distinct = k;
        }
        if (_featureCount == 0)
        {
            for (var i = 0; i < n; i++) if (_weights[i] > 0) distinct++;
        }

        var tree = new RegressionTree(Math.Max(1, 2 * distinct - 1), _maskWords);
        var maxDepth = _options.MaxDepth ?? int.MaxValue;
        var stack = new Stack<(int Node, int Start, int End, int Depth)>();
        tree.NodeCount = 1;
        stack.Push((0, 0, distinct, 0));
        while (stack.Count > 0)
        {
            var (node, start, end, depth) = stack.Pop();
            if (!TrySplit(tree, node, start, end, depth, maxDepth, random, out var leftEnd))
                continue;
            var left = tree.NodeCount;
            var right = left + 1;
            tree.NodeCount += 2;
            tree.Nodes[node].Left = left;
            stack.Push((right, leftEnd, end, depth + 1));
            stack.Push((left, start, leftEnd, depth + 1));
        }
        return tree;
    }

    /// <summary>Splits a node (and partitions its rows, left ones first) or makes it a leaf.</summary>
    private bool TrySplit(RegressionTree tree, int node, int start, int end, int depth, int maxDepth, Random random, out int leftEnd)
    {
        leftEnd = start;
        // Rows of the node, in any order: feature 0's list (or all weighted rows when there are no features).
        double weight = 0, sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        var rows = _featureCount > 0 ? _order[0] : null;
        for (var i = start; i < end; i++)
        {
            var row = rows![i];
            var w = _weights[row];
            var y = _targets[row];
            weight += w;
            sum += w * y;
            if (y < min) min = y;
            if (y > max) max = y;
        }
        if (rows is null)
        {
            for (var row = 0; row < _rowCount; row++)
            {
                var w = _weights[row];
                if (w == 0) continue;
                weight += w;
                sum += w * _targets[row];
            }
        }
        var mean = sum / weight;
        double sse = 0;
        if (rows is not null)
        {
            for (var i = start; i < end; i++)
            {
                var row = rows[i];
                var d = _targets[row] - mean;
                sse += _weights[row] * d * d;
            }
        }
        tree.Nodes[node].Left = 0;
        tree.Mean[node] = mean;
        tree.Variance[node] = sse / weight;

        if (rows is null || weight < _options.MinSamplesToSplit || depth >= maxDepth || max - min <= 0 || sse <= 0)
            return false;

        // Gains are computed on responses centred at the node mean: the SSE reduction of a split whose left side has
        // weight wl and centred sum s is s^2 (1/wl + 1/wr), free of the cancellation of sum-of-squares formulas.
        var minLeaf = (double)_options.MinSamplesPerLeaf;
        var tried = Math.Max(1, (int)Math.Floor(_options.FeatureFraction * _featureCount));
        for (var f = 0; f < _featureCount; f++) _featurePermutation[f] = f;

        var bestGain = 1e-12 * sse;
        var bestFeature = -1;
        var bestPosition = -1;      // numeric: index of the last left row in the sorted list
        var bestCategoryPrefix = 0; // categorical: number of sorted categories sent left
        var bestCategoryPresent = 0;
        for (var t = 0; t < _featureCount; t++)
        {
            if (t >= tried && bestFeature >= 0) break;
            var swap = t + random.Next(_featureCount - t);
            (_featurePermutation[t], _featurePermutation[swap]) = (_featurePermutation[swap], _featurePermutation[t]);
            var f = _featurePermutation[t];
            var column = _columns[f];
            var order = _order[f];
            if (_categoryCounts[f] == 0)
            {
                double wl = 0, sl = 0;
                for (var i = start; i < end - 1; i++)
                {
                    var row = order[i];
                    var w = _weights[row];
                    wl += w;
                    sl += w * (_targets[row] - mean);
                    if (column[row] == column[order[i + 1]]) continue;
                    var wr = weight - wl;
                    if (wl < minLeaf || wr < minLeaf) continue;
                    var gain = sl * sl * (1 / wl + 1 / wr);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestFeature = f;
                        bestPosition = i;
                    }
                }
            }
            else
            {
                var present = SortCategoriesByMean(f, order, start, end, mean);
                if (present < 2) continue;
                double wl = 0, sl = 0;
                for (var p = 0; p < present - 1; p++)
                {
                    var c = _categoryIds[p];
                    wl += _categoryWeight[c];
                    sl += _categorySum[c];
                    var wr = weight - wl;
                    if (wl < minLeaf || wr < minLeaf) continue;
                    var gain = sl * sl * (1 / wl + 1 / wr);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestFeature = f;
                        bestCategoryPrefix = p + 1;
                        bestCategoryPresent = present;
                        Array.Copy(_categoryIds, _bestCategoryIds, present);
                    }
                }
            }
        }
        if (bestFeature < 0) return false;

        var bestColumn = _columns[bestFeature];
        var isNumeric = _categoryCounts[bestFeature] == 0;
        tree.Nodes[node].Feature = isNumeric ? bestFeature : ~bestFeature;
        if (isNumeric)
        {
            // A threshold drawn uniformly between the two neighbouring values (not their midpoint) varies the trees,
            // which makes the spread over trees, the model's uncertainty, grow smoothly between observed points.
            var order = _order[bestFeature];
            var lo = bestColumn[order[bestPosition]];
            var hi = bestColumn[order[bestPosition + 1]];
            var threshold = lo + random.NextDouble() * (hi - lo);
            tree.Nodes[node].Threshold = threshold < hi ? threshold : lo;
        }
        else
        {
            var maskStart = node * _maskWords;
            var count = _categoryCounts[bestFeature];
            var isPresent = _categoryPresent;
            Array.Clear(isPresent, 0, count);
            for (var p = 0; p < bestCategoryPresent; p++)
            {
                var c = _bestCategoryIds[p];
                isPresent[c] = true;
                if (p < bestCategoryPrefix) tree.Masks[maskStart + (c >> 6)] |= 1UL << (c & 63);
            }
            // Categories without points here get a random side: the trees then disagree about them, so the forest is
            // uncertain about a category it has not seen in this context.
            for (var c = 0; c < count; c++)
            {
                if (!isPresent[c] && random.Next(2) == 0) tree.Masks[maskStart + (c >> 6)] |= 1UL << (c & 63);
            }
        }

        // Mark the node's rows and partition every feature's list stably, so each stays sorted.
        for (var i = start; i < end; i++)
        {
            var row = rows[i];
            var x = bestColumn[row];
            _goesLeft[row] = isNumeric ? x <= tree.Nodes[node].Threshold : tree.SendsLeft(node, (int)x);
        }
        var leftCount = 0;
        for (var f = 0; f < _featureCount; f++)
        {
            var order = _order[f];
            var l = start;
            var r = 0;
            for (var i = start; i < end; i++)
            {
                // Branch-free: the side of a row is unpredictable, so write it to both places and advance one.
                var row = order[i];
                var left = _goesLeft[row] ? 1 : 0;
                order[l] = row;
                _partitionBuffer[r] = row;
                l += left;
                r += 1 - left;
            }
            Array.Copy(_partitionBuffer, 0, order, l, r);
            leftCount = l - start;
        }
        leftEnd = start + leftCount;
        return true;
    }

    /// <summary>Sorts the categories present at a node by their mean (centred) response, into <see cref="_categoryIds"/>;
    /// returns how many are present. The best subset split of a regression node is a prefix of this order.</summary>
    private int SortCategoriesByMean(int feature, int[] order, int start, int end, double mean)
    {
        var count = _categoryCounts[feature];
        Array.Clear(_categoryWeight, 0, count);
        Array.Clear(_categorySum, 0, count);
        var column = _columns[feature];
        for (var i = start; i < end; i++)
        {
            var row = order[i];
            var c = (int)column[row];
            var w = _weights[row];
            _categoryWeight[c] += w;
            _categorySum[c] += w * (_targets[row] - mean);
        }
        var present = 0;
        for (var c = 0; c < count; c++)
        {
            if (_categoryWeight[c] <= 0) continue;
            _categoryIds[present] = c;
            _categoryMean[present] = _categorySum[c] / _categoryWeight[c];
            present++;
        }
        Array.Sort(_categoryMean, _categoryIds, 0, present);
        return present;
    }
}
