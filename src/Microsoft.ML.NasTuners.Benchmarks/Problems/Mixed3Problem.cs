namespace Microsoft.ML.NasTuners.Benchmarks;

/// <summary>
/// A conditional, mixed-type problem shaped like model selection: a <see cref="ConditionalChoiceOption"/> under
/// <c>branch</c> picks one of three "models", each with its own typed, partly log-scaled parameters, which sit
/// beside <c>branch</c> in the parameter. Each branch is a convex quadratic in the (log-)parameters:
/// <list type="bullet">
/// <item>A (SVM-like): <c>A_C</c> double log [1e-2, 1e4], <c>A_gamma</c> double log [1e-5, 1e1];
/// u = log10 A_C - 2.5, v = log10 A_gamma + 2, f = 0.30 + 0.05u² + 0.10v² + 0.04uv (best 0.30).</item>
/// <item>B (boosting-like): <c>B_n</c> int log [10, 1000], <c>B_depth</c> int [1, 12], <c>B_lr</c> double log [1e-3, 1];
/// p = log10 B_n, q = log10 B_lr, f = 0.10 + 0.20(p + q - 1)² + 0.05(p - 2)² + 0.02(B_depth - 6)² (best 0.10).</item>
/// <item>C (network-like): <c>C_units</c> int log [16, 1024], <c>C_dropout</c> double [0, 0.8], <c>C_lr</c> double log [1e-5, 1e-1];
/// a = log2 C_units - 8, e = C_dropout - 0.25, l = log10 C_lr + 3, f = 0.10a² + 0.10ae + 2.0e² + 0.30l² (best 0 at
/// 256 units, dropout 0.25, lr 1e-3).</item>
/// </list>
/// </summary>
public sealed class Mixed3Problem : MixedSpaceProblem
{
    /// <summary>The key of the branch selector.</summary>
    public const string BranchKey = "branch";

    /// <summary>Creates the problem.</summary>
    public Mixed3Problem()
        : base("mixed3", "Conditional mixed-type space: branch A/B/C with 2/3/3 double, int and log parameters; f* = 0 in C", CreateSpace(),
            // f* = 0, in branch C: each branch is a positive-definite quadratic plus a constant (0.30, 0.10, 0), and C's
            // optimum (256 units, dropout 0.25, lr 1e-3) lies on its grid.
            optimalValue: 0)
    {
    }

    private static SearchSpace CreateSpace()
    {
        var a = new SearchSpace
        {
            ["A_C"] = new UniformDoubleOption(1e-2, 1e4, logBase: true),
            ["A_gamma"] = new UniformDoubleOption(1e-5, 1e1, logBase: true),
        };
        var b = new SearchSpace
        {
            ["B_n"] = new UniformIntOption(10, 1000, logBase: true),
            ["B_depth"] = new UniformIntOption(1, 12),
            ["B_lr"] = new UniformDoubleOption(1e-3, 1, logBase: true),
        };
        var c = new SearchSpace
        {
            ["C_units"] = new UniformIntOption(16, 1024, logBase: true),
            ["C_dropout"] = new UniformDoubleOption(0, 0.8),
            ["C_lr"] = new UniformDoubleOption(1e-5, 1e-1, logBase: true),
        };
        return new SearchSpace { [BranchKey] = new ConditionalChoiceOption(("A", a), ("B", b), ("C", c)) };
    }

    /// <inheritdoc />
    protected override double Compute(Parameter parameter)
    {
        double V(string key) => parameter[key].AsDouble();
        switch (parameter[BranchKey].AsString())
        {
            case "A":
            {
                var u = Math.Log10(V("A_C")) - 2.5;
                var v = Math.Log10(V("A_gamma")) + 2;
                return 0.30 + 0.05 * u * u + 0.10 * v * v + 0.04 * u * v;
            }
            case "B":
            {
                var p = Math.Log10(V("B_n"));
                var q = Math.Log10(V("B_lr"));
                var depth = V("B_depth") - 6;
                return 0.10 + 0.20 * (p + q - 1) * (p + q - 1) + 0.05 * (p - 2) * (p - 2) + 0.02 * depth * depth;
            }
            default:
            {
                var a = Math.Log2(V("C_units")) - 8;
                var e = V("C_dropout") - 0.25;
                var l = Math.Log10(V("C_lr")) + 3;
                return 0.10 * a * a + 0.10 * a * e + 2.0 * e * e + 0.30 * l * l;
            }
        }
    }
}
