using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Architecture;

/// <summary>
/// A small cell for architecture-tuner tests: two parallel operations (p0, p1) from the input to the output, and a
/// chain of two operations (c0 then c1) beside them, each one of a, b, c. Swapping p0 and p1 gives an isomorphic twin,
/// so the 81 points hold 54 architectures.
/// </summary>
internal sealed class ToyCell : IArchitectureEncoding
{
    public static readonly string[] Keys = ["p0", "p1", "c0", "c1"];

    public static NasTuners.SearchSpace Space() => new()
    {
        ["p0"] = new ChoiceOption("a", "b", "c"),
        ["p1"] = new ChoiceOption("a", "b", "c"),
        ["c0"] = new ChoiceOption("a", "b", "c"),
        ["c1"] = new ChoiceOption("a", "b", "c"),
    };

    public const int ArchitectureCount = 54;

    public static string[] Operations(Parameter p) => Keys.Select(k => p[k].AsString()).ToArray();

    public IReadOnlyList<string> ToTokens(Parameter parameter) => Operations(parameter);

    public ArchitectureGraph ToGraph(Parameter parameter)
    {
        var o = Operations(parameter);
        // 0 input, 1 p0, 2 p1, 3 c0, 4 c1, 5 output.
        return new ArchitectureGraph(["input", o[0], o[1], o[2], o[3], "output"],
            [new(0, 1), new(0, 2), new(0, 3), new(3, 4), new(1, 5), new(2, 5), new(4, 5)]);
    }

    public string CanonicalKey(Parameter parameter)
    {
        var o = Operations(parameter);
        var parallel = new[] { o[0], o[1] }.Order(StringComparer.Ordinal);
        return $"{string.Join("+", parallel)}|{o[2]}>{o[3]}";
    }

    /// <summary>A loss with structure a model can learn: a on the chain helps most, b in parallel helps, plus an
    /// interaction; the unique best architecture is p = {b, b}, chain a > a.</summary>
    public const double BestLoss = 1;

    public static double Loss(Parameter parameter)
    {
        var o = Operations(parameter);
        double loss = 10;
        if (o[2] == "a") loss -= 3;
        if (o[3] == "a") loss -= 2;
        loss -= o.Take(2).Count(x => x == "b") * 1.5;
        if (o[2] == "a" && o[3] == "a") loss -= 1;
        return loss;
    }
}
