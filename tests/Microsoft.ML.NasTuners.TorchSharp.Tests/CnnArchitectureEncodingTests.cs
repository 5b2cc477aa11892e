using Microsoft.ML.NasTuners.Architectures;

namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

/// <summary>The encoding reads parameters and graphs only, so these tests need no native torch.</summary>
public class CnnArchitectureEncodingTests
{
    private static readonly CnnArchitecture Example = new(
        [
            new CnnStage(2, 32, 3, CnnBlockType.Plain, CnnActivation.ReLU, BatchNorm: true),
            new CnnStage(1, 64, 5, CnnBlockType.Residual, CnnActivation.GELU, BatchNorm: false, CnnDownsampling.Stride2),
        ],
        new CnnHead(0.25, 128));

    private static Parameter Point(CnnArchitecture architecture, CnnTrainingSettings? training = null) =>
        new CnnConfiguration(architecture, training ?? new CnnTrainingSettings()).ToParameter();

    [Fact]
    public void Search_space_exposes_the_encoding()
    {
        CnnSearchSpace.Encoding.Should().BeAssignableTo<IArchitectureEncoding>();
        CnnSearchSpace.Encoding.KeyIncludesTraining.Should().BeFalse();
    }

    [Fact]
    public void Tokens_are_the_words_of_the_architecture_string()
    {
        CnnSearchSpace.Encoding.ToTokens(Point(Example)).Should().Equal(Example.ToArchitectureString().Split(' '));
        CnnSearchSpace.Encoding.ToTokens(Point(Example)).Should().StartWith(["plain3x3-c32-relu-bn", "plain3x3-c32-relu-bn", "res5x5/s2-c64-gelu"]);
    }

    [Fact]
    public void Graph_carries_the_cnn_graphs_operations_and_edges()
    {
        var expected = Example.ToGraph();
        var graph = CnnSearchSpace.Encoding.ToGraph(Point(Example));
        graph.NodeLabels.Should().Equal(expected.Nodes.Select(n => n.Operation));
        graph.Edges.Select(e => (e.From, e.To)).Should().Equal(expected.Edges.Select(e => (e.From, e.To)));
        graph.NodeLabels[0].Should().Be("input");
        graph.NodeLabels[^1].Should().Be("output");
        graph.NodeLabels.Should().Contain("add", "the residual stage joins its shortcut");
    }

    [Fact]
    public void Key_is_equal_exactly_for_equal_architectures_whatever_the_training()
    {
        var encoding = CnnSearchSpace.Encoding;
        var sgd = new CnnTrainingSettings(CnnOptimizer.Sgd, LearningRate: 0.05);
        encoding.CanonicalKey(Point(Example, sgd)).Should().Be(encoding.CanonicalKey(Point(Example)));
        encoding.CanonicalKey(Point(new CnnArchitecture(Example.Stages, new CnnHead(0.25001, 128))))
            .Should().NotBe(encoding.CanonicalKey(Point(Example)), "the key is exact where the architecture string rounds the dropout");
        var withTraining = new CnnArchitectureEncoding(keyIncludesTraining: true);
        withTraining.CanonicalKey(Point(Example, sgd)).Should().NotBe(withTraining.CanonicalKey(Point(Example)));
    }

    [Fact]
    public void Over_random_points_of_the_space_keys_match_when_and_only_when_architectures_match()
    {
        var space = CnnSearchSpace.Create(new CnnSearchSpaceOptions { MaxStages = 2, MaxBlocksPerStage = 1, MinChannels = 8, MaxChannels = 9 });
        var random = new Random(5);
        var points = new List<Parameter>();
        for (var k = 0; k < 150; k++)
        {
            var point = space.ModelView.Decode(space.ModelView.Sample(random));
            points.Add(point);
            // A twin that trains the same network differently.
            var twin = Parameter.Parse(point.ToString());
            twin["learning_rate"] = Parameter.FromDouble(point["learning_rate"].AsDouble() / 2);
            twin["batch_size"] = Parameter.FromInt(point["batch_size"].AsDouble() > 100 ? 16 : 200);
            points.Add(twin);
        }
        var architectures = points.Select(p => CnnConfiguration.FromParameter(p).Architecture).ToList();
        var keys = points.Select(CnnSearchSpace.Encoding.CanonicalKey).ToList();
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = i + 1; j < points.Count; j++)
                (keys[i] == keys[j]).Should().Be(architectures[i].Equals(architectures[j]), $"{points[i]} and {points[j]}");
        }
        keys.Distinct().Count().Should().Be(150, "each point and its twin share a key, and the dropouts tell the points apart");
    }

    [Fact]
    public void A_parameter_from_another_space_is_rejected_naming_the_missing_key()
    {
        FluentActions.Invoking(() => CnnSearchSpace.Encoding.CanonicalKey(Parameter.CreateNestedParameter()))
            .Should().Throw<ArgumentException>().WithMessage("*stage1_channels*");
    }
}
