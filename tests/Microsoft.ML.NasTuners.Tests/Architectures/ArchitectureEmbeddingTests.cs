using Microsoft.ML.NasTuners.Architectures;
using Microsoft.ML.NasTuners.Tests.Tuners.Architecture;

namespace Microsoft.ML.NasTuners.Tests.Architectures;

public class ArchitectureEmbeddingTests
{
    private static Parameter Cell(string p0, string p1, string c0, string c1) => Parameter.FromObject(new Dictionary<string, object>
    {
        ["p0"] = p0, ["p1"] = p1, ["c0"] = c0, ["c1"] = c1,
    });

    public static TheoryData<string> Embeddings => ["wl", "path"];

    private static IArchitectureEmbedding Create(string name) => name == "wl"
        ? new WeisfeilerLehmanEmbedding(new ToyCell())
        : new PathEmbedding(new ToyCell(), new PathEncoding(["a", "b", "c"], 2));

    [Theory]
    [MemberData(nameof(Embeddings))]
    public void Isomorphic_twins_embed_equally_and_different_architectures_differently(string name)
    {
        var embedding = Create(name);
        var x = embedding.Embed(Cell("a", "b", "c", "a"));
        var twin = embedding.Embed(Cell("b", "a", "c", "a"));
        var other = embedding.Embed(Cell("a", "b", "a", "c"));

        twin.Should().Equal(x);
        other.Should().NotEqual(x);
    }
}
