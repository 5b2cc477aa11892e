using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Acquisition;

/// <summary>
/// Maximises an acquisition over architectures by evolution, broadly: the first population is every one-exchange
/// mutation (<see cref="OneExchangeNeighbourhood"/>: one operation, edge or other dimension changed) of the best
/// <see cref="Parents"/> evaluated points plus <see cref="RandomCandidates"/> random points; then for
/// <see cref="Generations"/> generations the <see cref="GenerationParents"/> best-scoring candidates not yet mutated
/// are mutated in turn. Candidates whose canonical key is not allowed (evaluated, pending, failed), and isomorphic
/// twins of candidates already scored, are skipped, so the result is a new architecture.
/// </summary>
/// <remarks>The search is broad on purpose: scoring mutations of many good cells plus many random ones avoids the
/// stall of a search confined to the neighbourhood of the incumbent, where a model that ranks one good cell first
/// keeps proposing its neighbours.</remarks>
public sealed class EvolutionaryArchitectureSearch
{
    private readonly ModelView _view;
    private readonly IArchitectureEncoding _encoding;
    private readonly OneExchangeNeighbourhood _neighbourhood;

    /// <summary>Creates the search.</summary>
    /// <param name="view">The model view of the space.</param>
    /// <param name="encoding">Gives the canonical key of a point.</param>
    /// <param name="parents">Evaluated points mutated for the first population; at least 0.</param>
    /// <param name="randomCandidates">Random points in the first population; at least 0.</param>
    /// <param name="generations">Further generations; at least 0.</param>
    /// <param name="generationParents">Candidates mutated per further generation; at least 1.</param>
    public EvolutionaryArchitectureSearch(ModelView view, IArchitectureEncoding encoding, int parents = 20, int randomCandidates = 1000,
        int generations = 3, int generationParents = 10)
    {
        _view = view ?? throw new ArgumentNullException(nameof(view));
        _encoding = encoding ?? throw new ArgumentNullException(nameof(encoding));
        Parents = parents >= 0 ? parents : throw new ArgumentOutOfRangeException(nameof(parents), parents, "parents must be at least 0.");
        RandomCandidates = randomCandidates >= 0 ? randomCandidates : throw new ArgumentOutOfRangeException(nameof(randomCandidates), randomCandidates, "randomCandidates must be at least 0.");
        Generations = generations >= 0 ? generations : throw new ArgumentOutOfRangeException(nameof(generations), generations, "generations must be at least 0.");
        GenerationParents = generationParents >= 1 ? generationParents : throw new ArgumentOutOfRangeException(nameof(generationParents), generationParents, "generationParents must be at least 1.");
        _neighbourhood = new OneExchangeNeighbourhood(view);
    }

    /// <summary>Evaluated points mutated for the first population.</summary>
    public int Parents { get; }

    /// <summary>Random points in the first population.</summary>
    public int RandomCandidates { get; }

    /// <summary>Further generations.</summary>
    public int Generations { get; }

    /// <summary>Candidates mutated per further generation.</summary>
    public int GenerationParents { get; }

    /// <summary>The number of candidates scored by the last call.</summary>
    public int LastScored { get; private set; }

    /// <summary>The best allowed candidate, or null when no allowed candidate was found.</summary>
    /// <param name="incumbents">Evaluated model-view points, best first; the first <see cref="Parents"/> are mutated.</param>
    /// <param name="acquisition">Scores a batch of parameters (higher is better).</param>
    /// <param name="isAllowed">False for the canonical keys that must not be proposed.</param>
    /// <param name="random">The source of random points and numeric mutations.</param>
    public ArchitectureCandidate? Maximize(IReadOnlyList<double[]> incumbents, Func<IReadOnlyList<Parameter>, double[]> acquisition,
        Func<string, bool> isAllowed, Random random)
    {
        ArgumentNullException.ThrowIfNull(incumbents);
        ArgumentNullException.ThrowIfNull(acquisition);
        ArgumentNullException.ThrowIfNull(isAllowed);
        ArgumentNullException.ThrowIfNull(random);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pool = new List<ArchitectureCandidate>();
        var mutated = new HashSet<string>(StringComparer.Ordinal);

        var points = new List<double[]>();
        foreach (var parent in incumbents.Take(Parents)) _neighbourhood.AddNeighbours(parent, random, points);
        for (var r = 0; r < RandomCandidates; r++) points.Add(_view.Sample(random));
        Score(New(points, seen, isAllowed), acquisition, pool);

        for (var g = 0; g < Generations; g++)
        {
            var parents = pool.OrderByDescending(c => c.Score).Where(c => !mutated.Contains(c.Key)).Take(GenerationParents).ToList();
            points.Clear();
            foreach (var parent in parents)
            {
                mutated.Add(parent.Key);
                _neighbourhood.AddNeighbours(parent.Point, random, points);
            }
            var fresh = New(points, seen, isAllowed);
            if (fresh.Count == 0) break;
            Score(fresh, acquisition, pool);
        }
        LastScored = pool.Count;
        ArchitectureCandidate? best = null;
        foreach (var c in pool)
        {
            if (best is null || c.Score > best.Score) best = c;
        }
        return best;
    }

    // The points whose architectures are allowed and not seen yet, with their keys (marked seen).
    private List<(double[] Point, Parameter Parameter, string Key)> New(List<double[]> points, HashSet<string> seen, Func<string, bool> isAllowed)
    {
        var result = new List<(double[], Parameter, string)>();
        foreach (var point in points)
        {
            var parameter = _view.Decode(point);
            var key = _encoding.CanonicalKey(parameter);
            if (!seen.Add(key) || !isAllowed(key)) continue;
            result.Add((point, parameter, key));
        }
        return result;
    }

    private static void Score(List<(double[] Point, Parameter Parameter, string Key)> batch, Func<IReadOnlyList<Parameter>, double[]> acquisition,
        List<ArchitectureCandidate> pool)
    {
        if (batch.Count == 0) return;
        var scores = acquisition(batch.Select(b => b.Parameter).ToList());
        if (scores.Length != batch.Count)
            throw new InvalidOperationException($"The acquisition returned {scores.Length} scores for {batch.Count} candidates.");
        for (var i = 0; i < batch.Count; i++)
        {
            var score = double.IsNaN(scores[i]) ? double.NegativeInfinity : scores[i];
            pool.Add(new ArchitectureCandidate(batch[i].Point, batch[i].Parameter, batch[i].Key, score));
        }
    }
}
