namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// Maximises an acquisition function by SMAC-style local search in the <see cref="OneExchangeNeighbourhood"/>:
/// from each start, repeatedly move to the best neighbour while it scores higher than the current point. A forest's
/// acquisition is piecewise constant, so a walker may also move to an equally scored neighbour, up to
/// <see cref="PlateauSteps"/> times in a row, to cross flat regions. All walkers advance in lockstep and each step
/// scores the neighbourhoods of all of them in a single <see cref="BatchAcquisition"/> call.
/// </summary>
public sealed class OneExchangeLocalSearch
{
    /// <summary>Creates the search.</summary>
    /// <param name="neighbourhood">The neighbourhood.</param>
    /// <param name="maxSteps">The most moves of one walker. Default 50. At least 1.</param>
    /// <param name="plateauSteps">The most consecutive moves to an equally scored neighbour. Default 10 (as in
    /// SMAC). At least 0.</param>
    public OneExchangeLocalSearch(OneExchangeNeighbourhood neighbourhood, int maxSteps = 50, int plateauSteps = 10)
    {
        Neighbourhood = neighbourhood ?? throw new ArgumentNullException(nameof(neighbourhood));
        if (maxSteps < 1)
            throw new ArgumentOutOfRangeException(nameof(maxSteps), maxSteps, "maxSteps must be at least 1.");
        if (plateauSteps < 0)
            throw new ArgumentOutOfRangeException(nameof(plateauSteps), plateauSteps, "plateauSteps must be at least 0.");
        MaxSteps = maxSteps;
        PlateauSteps = plateauSteps;
    }

    /// <summary>The neighbourhood.</summary>
    public OneExchangeNeighbourhood Neighbourhood { get; }

    /// <summary>The most moves of one walker.</summary>
    public int MaxSteps { get; }

    /// <summary>The most consecutive moves to an equally scored neighbour.</summary>
    public int PlateauSteps { get; }

    /// <summary>Runs one walker from each start and returns where each ended, with its score, in the order of the
    /// starts. The starts are not modified.</summary>
    public IReadOnlyList<ScoredPoint> Maximize(IReadOnlyList<double[]> starts, BatchAcquisition acquisition, Random random)
    {
        ArgumentNullException.ThrowIfNull(starts);
        ArgumentNullException.ThrowIfNull(acquisition);
        ArgumentNullException.ThrowIfNull(random);
        var count = starts.Count;
        var current = new double[count][];
        var scores = new double[count];
        var plateau = new int[count];
        var active = new bool[count];
        for (var w = 0; w < count; w++)
        {
            current[w] = (double[])starts[w].Clone();
            active[w] = true;
        }
        if (count == 0) return [];
        acquisition(current, scores);

        var batch = new List<double[]>();
        var owner = new List<int>();
        var batchScores = new double[64];
        for (var step = 0; step < MaxSteps; step++)
        {
            batch.Clear();
            owner.Clear();
            for (var w = 0; w < count; w++)
            {
                if (!active[w]) continue;
                var before = batch.Count;
                Neighbourhood.AddNeighbours(current[w], random, batch);
                for (var k = before; k < batch.Count; k++) owner.Add(w);
                if (batch.Count == before) active[w] = false;
            }
            if (batch.Count == 0) break;
            if (batchScores.Length < batch.Count) batchScores = new double[Math.Max(batch.Count, 2 * batchScores.Length)];
            acquisition(batch, batchScores.AsSpan(0, batch.Count));

            // Each walker's neighbours are contiguous in the batch; find each walker's best one.
            var anyMoved = false;
            var k0 = 0;
            while (k0 < batch.Count)
            {
                var w = owner[k0];
                var best = k0;
                var k = k0 + 1;
                for (; k < batch.Count && owner[k] == w; k++)
                {
                    if (batchScores[k] > batchScores[best]) best = k;
                }
                var bestScore = batchScores[best];
                if (bestScore > scores[w])
                {
                    current[w] = batch[best];
                    scores[w] = bestScore;
                    plateau[w] = 0;
                    anyMoved = true;
                }
                else if (bestScore == scores[w] && plateau[w] < PlateauSteps)
                {
                    current[w] = batch[best];
                    plateau[w]++;
                    anyMoved = true;
                }
                else
                {
                    active[w] = false;
                }
                k0 = k;
            }
            if (!anyMoved) break;
        }

        var result = new ScoredPoint[count];
        for (var w = 0; w < count; w++) result[w] = new ScoredPoint(current[w], scores[w]);
        return result;
    }
}
