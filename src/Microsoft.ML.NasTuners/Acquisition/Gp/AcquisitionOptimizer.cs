using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Microsoft.ML.NasTuners.Tuners;

namespace Microsoft.ML.NasTuners.Acquisition.Gp;

/// <summary>
/// Maximises an acquisition over the unit cube the way Spearmint does: score a candidate set — a freshly scrambled
/// Sobol point set for breadth (more even than uniform points, so fewer candidates leave no large hole) plus Gaussian perturbations of the best observed points at scales from fine to coarse for depth — then
/// polish the best few candidates with L-BFGS-B (MathNet's <see cref="BfgsBMinimizer"/>) and keep the best point.
/// When the acquisition is costly (an average over many GPs), a cheaper screening acquisition can rank the candidate
/// set first; only its <see cref="ShortlistSize"/> best candidates are then scored by the real one.
/// </summary>
public sealed class AcquisitionOptimizer
{
    private const double FinestScale = 1e-3;
    private const double CoarsestScale = 0.2;
    // The chance that a perturbation of an incumbent keeps its choice in a choice column.
    private const double KeepChoiceProbability = 0.5;

    private readonly HashSet<int> _choiceColumns;

    /// <summary>Creates the optimiser.</summary>
    /// <param name="randomCandidates">Scrambled Sobol candidates; default 512 (a power of two keeps the set balanced).</param>
    /// <param name="localCandidates">Perturbations of the incumbents; default 250.</param>
    /// <param name="starts">Candidates polished by L-BFGS-B; default 5.</param>
    /// <param name="maxIterations">The iteration limit of each L-BFGS-B run; default 50.</param>
    /// <param name="shortlistSize">Candidates kept by a screening acquisition for scoring by the real one; default 30.</param>
    /// <param name="choiceColumns">Columns that hold a choice (see <see cref="Surrogates.Gp.ModelViewEncoding.IsChoiceColumn"/>):
    /// a perturbation keeps an incumbent's choice half the time and draws any choice otherwise, instead of moving the
    /// value, as nearby values are unrelated choices and a move of 0.001 already changes one of 1,000.</param>
    public AcquisitionOptimizer(int randomCandidates = 512, int localCandidates = 250, int starts = 5, int maxIterations = 50, int shortlistSize = 30,
        IReadOnlyList<int>? choiceColumns = null)
    {
        _choiceColumns = choiceColumns?.ToHashSet() ?? [];
        ShortlistSize = shortlistSize > 0 ? shortlistSize : throw new ArgumentOutOfRangeException(nameof(shortlistSize), shortlistSize, "Must be positive.");
        RandomCandidates = randomCandidates >= 0 ? randomCandidates : throw new ArgumentOutOfRangeException(nameof(randomCandidates), randomCandidates, "Must not be negative.");
        LocalCandidates = localCandidates >= 0 ? localCandidates : throw new ArgumentOutOfRangeException(nameof(localCandidates), localCandidates, "Must not be negative.");
        if (randomCandidates + localCandidates == 0) throw new ArgumentException("At least one candidate is needed.", nameof(randomCandidates));
        Starts = starts >= 0 ? starts : throw new ArgumentOutOfRangeException(nameof(starts), starts, "Must not be negative.");
        MaxIterations = maxIterations > 0 ? maxIterations : throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "Must be positive.");
    }

    /// <summary>The number of scrambled Sobol candidates.</summary>
    public int RandomCandidates { get; }

    /// <summary>The number of perturbations of the incumbents.</summary>
    public int LocalCandidates { get; }

    /// <summary>The number of candidates polished by L-BFGS-B.</summary>
    public int Starts { get; }

    /// <summary>The iteration limit of each L-BFGS-B run.</summary>
    public int MaxIterations { get; }

    /// <summary>Candidates kept by a screening acquisition for scoring by the real one.</summary>
    public int ShortlistSize { get; }

    /// <summary>
    /// Returns the allowed point with the largest acquisition value found, or null when every candidate was refused.
    /// </summary>
    /// <param name="acquisition">The function to maximise.</param>
    /// <param name="incumbents">Points to search around (the best observed points, best first); may be empty.</param>
    /// <param name="random">The source of randomness.</param>
    /// <param name="canonicalize">Maps a point to the valid point it stands for (rounding); identity when null.</param>
    /// <param name="isAllowed">Refuses canonical points (for example ones already tried); all allowed when null.</param>
    /// <param name="screening">A cheaper approximation of <paramref name="acquisition"/> that ranks the candidate set;
    /// when null every candidate is scored by <paramref name="acquisition"/> itself.</param>
    public double[]? Maximize(IDifferentiableAcquisition acquisition, IReadOnlyList<double[]> incumbents, Random random,
        Func<double[], double[]>? canonicalize = null, Func<double[], bool>? isAllowed = null, IDifferentiableAcquisition? screening = null)
    {
        ArgumentNullException.ThrowIfNull(acquisition);
        ArgumentNullException.ThrowIfNull(incumbents);
        ArgumentNullException.ThrowIfNull(random);
        canonicalize ??= x => x;
        isAllowed ??= _ => true;
        var d = acquisition.Dimension;

        var candidates = new List<double[]>(RandomCandidates + LocalCandidates);
        // A new scramble per call: a fixed set would offer the same candidates at every proposal.
        var sobol = new SobolSequence(d, scramble: true, seed: random.Next());
        for (var i = 0; i < RandomCandidates; i++) candidates.Add(canonicalize(sobol.Next()));
        if (incumbents.Count > 0)
        {
            for (var i = 0; i < LocalCandidates; i++)
            {
                // Cycle over incumbents, best first; scales log-uniform so both fine polishing and hops happen.
                var centre = incumbents[i % incumbents.Count];
                var scale = FinestScale * Math.Pow(CoarsestScale / FinestScale, random.NextDouble());
                candidates.Add(canonicalize(centre.Select((v, c) => Perturb(v, c, scale, random)).ToArray()));
            }
        }
        else
        {
            for (var i = 0; i < LocalCandidates; i++)
                candidates.Add(canonicalize(Enumerable.Range(0, d).Select(_ => random.NextDouble()).ToArray()));
        }

        // Without screening every candidate is on the shortlist; with it, the rest are a last resort in screening order.
        var rest = new List<double[]>();
        if (screening is not null && candidates.Count > ShortlistSize)
        {
            var rough = screening.Evaluate(candidates);
            var ranked = Enumerable.Range(0, candidates.Count).OrderByDescending(i => Sortable(rough[i])).Select(i => candidates[i]).ToList();
            rest = ranked.Skip(ShortlistSize).ToList();
            candidates = ranked.Take(ShortlistSize).ToList();
        }
        var values = acquisition.Evaluate(candidates);
        var order = Enumerable.Range(0, candidates.Count).OrderByDescending(i => Sortable(values[i])).ToArray();
        var scored = new List<(double Value, double[] Point)>();
        foreach (var index in order.Take(Starts))
        {
            var (value, point) = Polish(acquisition, candidates[index], values[index]);
            scored.Add((value, canonicalize(point)));
        }
        scored.AddRange(order.Select(i => (values[i], candidates[i])));
        foreach (var point in scored.OrderByDescending(s => Sortable(s.Value)).Select(s => s.Point).Concat(rest))
        {
            if (isAllowed(point)) return point;
        }
        return null;
    }

    private double Perturb(double value, int column, double scale, Random random)
    {
        var moved = Math.Clamp(value + scale * Normal.Sample(random, 0, 1), 0, 1);
        if (!_choiceColumns.Contains(column)) return moved;
        return random.NextDouble() < KeepChoiceProbability ? value : random.NextDouble();
    }

    private static double Sortable(double value) => double.IsNaN(value) ? double.NegativeInfinity : value;

    private (double Value, double[] Point) Polish(IDifferentiableAcquisition acquisition, double[] start, double startValue)
    {
        var d = acquisition.Dimension;
        var best = start;
        var bestValue = startValue;
        var gradient = new double[d];
        (double, Vector<double>) Objective(Vector<double> x)
        {
            var point = x.ToArray();
            var value = acquisition.EvaluateWithGradient(point, gradient);
            if (!double.IsFinite(value)) return (1e10, Vector<double>.Build.Dense(d));
            if (value > bestValue)
            {
                bestValue = value;
                best = point;
            }
            return (-value, Vector<double>.Build.Dense(gradient.Select(g => -g).ToArray()));
        }
        try
        {
            new BfgsBMinimizer(1e-8, 1e-9, 1e-10, MaxIterations).FindMinimum(
                ObjectiveFunction.Gradient(Objective),
                Vector<double>.Build.Dense(d, 0), Vector<double>.Build.Dense(d, 1), Vector<double>.Build.Dense(start));
        }
        catch (Exception e) when (e is MaximumIterationsException or OptimizationException or ArgumentException or InvalidOperationException)
        {
            // The best point seen so far is kept in `best`.
        }
        return (bestValue, best);
    }
}
