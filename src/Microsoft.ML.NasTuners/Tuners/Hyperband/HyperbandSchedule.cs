namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// The brackets of Hyperband for given options, by Li et al.'s formulas: with R = MaxBudget, η = Eta and
/// s_max = ⌊log_η(R / MinBudget)⌋, bracket s (s = s_max .. 0) starts n = ⌈(s_max + 1) η^s / (s + 1)⌉ configurations at
/// budget r = R η^-s, and its rung i (i = 0 .. s) runs ⌊n η^-i⌋ configurations at budget r η^i.
/// </summary>
public sealed class HyperbandSchedule
{
    // Floating-point logarithms put log_3(81) a hair under 4; a whole number of rungs must not lose one to that.
    private const double LogTolerance = 1e-9;

    /// <summary>Computes the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range (see <see cref="HyperbandOptions.Validate"/>).</exception>
    public HyperbandSchedule(HyperbandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        MaxRungIndex = (int)Math.Floor(Math.Log(options.MaxBudget / options.MinBudget) / Math.Log(options.Eta) + LogTolerance);
        Budgets = Enumerable.Range(0, MaxRungIndex + 1)
            // A division by a whole power keeps budgets such as 81 / 27 exact.
            .Select(k => Budget(options, options.MaxBudget / Math.Pow(options.Eta, MaxRungIndex - k)))
            .ToArray();
        Brackets = Enumerable.Range(0, MaxRungIndex + 1)
            .Select(i => MaxRungIndex - i)
            .Select(s =>
            {
                var n = (int)Math.Ceiling((MaxRungIndex + 1) * Math.Pow(options.Eta, s) / (s + 1) - LogTolerance);
                var rungs = Enumerable.Range(0, s + 1)
                    .Select(i => new HyperbandRung(Math.Max(1, (int)Math.Floor(n * Math.Pow(options.Eta, -i) + LogTolerance)), Budgets[MaxRungIndex - s + i]))
                    .ToArray();
                return new HyperbandBracket(s, rungs);
            })
            .ToArray();
    }

    /// <summary>The options.</summary>
    public HyperbandOptions Options { get; }

    /// <summary>s_max: the number of halvings from the smallest budget to the full one.</summary>
    public int MaxRungIndex { get; }

    /// <summary>The budget of each rung level, ascending: <c>Budgets[k] = MaxBudget / Eta^(s_max - k)</c> (rounded when
    /// <see cref="HyperbandOptions.RoundBudgets"/> is set); the last is MaxBudget.</summary>
    public IReadOnlyList<double> Budgets { get; }

    /// <summary>The brackets in the order one Hyperband iteration runs them: s = s_max first.</summary>
    public IReadOnlyList<HyperbandBracket> Brackets { get; }

    /// <summary>The bracket that the <paramref name="iteration"/>-th bracket of the run (from 0) uses: the brackets
    /// cycle.</summary>
    public HyperbandBracket BracketOf(int iteration) => Brackets[iteration % Brackets.Count];

    private static double Budget(HyperbandOptions options, double exact)
    {
        if (!options.RoundBudgets)
            return Math.Clamp(exact, options.MinBudget, options.MaxBudget);
        var upper = Math.Round(options.MaxBudget, MidpointRounding.AwayFromZero);
        var lower = Math.Min(upper, Math.Max(1, Math.Ceiling(options.MinBudget)));
        return Math.Clamp(Math.Round(exact, MidpointRounding.AwayFromZero), lower, upper);
    }
}
