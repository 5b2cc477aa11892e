using Microsoft.ML.SearchSpace;

namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

public class SearchSpaceOfTTests
{
    public enum Booster { Gbtree, Dart }

    public sealed class TreeOptions
    {
        [Range(2, 1024, 20, logBase: true)]
        public int Leaves { get; set; }

        [Range(1e-3f, 1f, 0.1f, logBase: true)]
        public float LearningRate { get; set; }

        [Range(0.0, 1.0, 0.5)]
        public double Subsample { get; set; }

        [Choice(new object[] { "gbtree", "dart" }, "dart")]
        public string Kind { get; set; } = "gbtree";

        [BooleanChoice(true)]
        public bool UseSoftmax { get; set; }

        [NestOption]
        public Regularisation Regularisation { get; set; } = new();

        public string NotSearched { get; set; } = "kept";
    }

    public sealed class Regularisation
    {
        [Range(1e-6, 1.0, 1e-3, logBase: true)]
        public double L2 { get; set; }
    }

    [Fact]
    public void Attributes_become_options_with_their_defaults()
    {
        var space = new SearchSpace<TreeOptions>();
        space.Keys.Should().Equal("Kind", "LearningRate", "Leaves", "Regularisation", "Subsample", "UseSoftmax");
        space["Leaves"].Should().BeOfType<UniformIntOption>().Which.LogBase.Should().BeTrue();
        space["LearningRate"].Should().BeOfType<UniformSingleOption>();
        space["Regularisation"].Should().BeOfType<NasTuners.SearchSpace>();

        var defaults = space.SampleFromFeatureSpace(space.Default);
        defaults.Leaves.Should().Be(20);
        defaults.LearningRate.Should().BeApproximately(0.1f, 1e-6f);
        defaults.Subsample.Should().BeApproximately(0.5, 1e-12);
        defaults.Kind.Should().Be("dart");
        defaults.UseSoftmax.Should().BeTrue();
        defaults.Regularisation.L2.Should().BeApproximately(1e-3, 1e-15);
        defaults.NotSearched.Should().Be("kept");
    }

    [Fact]
    public void An_instance_supplies_the_defaults()
    {
        var space = new SearchSpace<TreeOptions>(new TreeOptions
        {
            Leaves = 300, LearningRate = 0.05f, Subsample = 0.8, Kind = "gbtree", Regularisation = new Regularisation { L2 = 0.5 },
        });
        var defaults = space.SampleFromFeatureSpace(space.Default);
        defaults.Leaves.Should().Be(300);
        defaults.Kind.Should().Be("gbtree");
        defaults.Regularisation.L2.Should().BeApproximately(0.5, 1e-12);
    }

    [Fact]
    public void An_instance_value_outside_its_range_is_rejected_naming_the_property()
    {
        FluentActions.Invoking(() => new SearchSpace<TreeOptions>(new TreeOptions { Leaves = 300, LearningRate = 0 }))
            .Should().Throw<ArgumentException>().WithMessage("*'LearningRate'*outside the range*");
    }

    [Fact]
    public void Typed_values_map_to_the_feature_space_and_back()
    {
        var space = new SearchSpace<TreeOptions>();
        var random = new Random(3);
        for (var i = 0; i < 200; i++)
        {
            var value = space.SampleFromFeatureSpace(TestSpaces.RandomFeature(space, random));
            var back = space.SampleFromFeatureSpace(space.MappingToFeatureSpace(value));
            back.Should().BeEquivalentTo(value);
        }
    }

    [Fact]
    public void AsType_reads_enums_by_name_and_numbers_into_any_numeric_type()
    {
        var parameter = Parameter.Parse("""{"Booster":"Dart","Count":3,"Rate":0.25}""");
        var typed = parameter.AsType<Typed>();
        typed.Booster.Should().Be(Booster.Dart);
        typed.Count.Should().Be(3);
        typed.Rate.Should().Be(0.25f);
        Parameter.FromInt(12).AsType<long>().Should().Be(12);
    }

    public sealed class Typed
    {
        public Booster Booster { get; set; }
        public int Count { get; set; }
        public float Rate { get; set; }
    }
}
