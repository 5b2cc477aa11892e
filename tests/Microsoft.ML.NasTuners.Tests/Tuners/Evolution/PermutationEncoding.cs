using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.Tests.Tuners.Evolution;

/// <summary>
/// A test architecture: <c>slots</c> categoricals <c>s0, s1, ...</c> that feed one sum, so the order of the slots does
/// not matter and two points are the same network exactly when they hold the same multiset of operations.
/// </summary>
internal sealed class PermutationEncoding(int slots) : IArchitectureEncoding
{
    public static readonly string[] Operations = ["conv", "pool", "skip", "none"];

    public SearchSpace CreateSpace()
    {
        var space = new SearchSpace();
        for (var i = 0; i < slots; i++) space[$"s{i}"] = new ChoiceOption(Operations.Cast<object>().ToArray());
        return space;
    }

    public IReadOnlyList<string> ToTokens(Parameter parameter) =>
        Enumerable.Range(0, slots).Select(i => parameter[$"s{i}"].AsString()).ToArray();

    public ArchitectureGraph ToGraph(Parameter parameter)
    {
        // input -> each operation -> output.
        var labels = new List<string> { "input" };
        labels.AddRange(ToTokens(parameter));
        labels.Add("output");
        var edges = Enumerable.Range(1, slots).SelectMany(i => new[] { new ArchitectureEdge(0, i), new ArchitectureEdge(i, slots + 1) });
        return new ArchitectureGraph(labels, edges);
    }

    public string CanonicalKey(Parameter parameter) => string.Join("+", ToTokens(parameter).Order(StringComparer.Ordinal));
}
