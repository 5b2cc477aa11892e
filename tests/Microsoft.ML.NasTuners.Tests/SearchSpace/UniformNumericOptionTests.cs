namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

public class UniformNumericOptionTests
{
    [Theory]
    [InlineData(1, 1000, true)]
    [InlineData(10, 1000, true)]
    [InlineData(16, 1024, true)]
    [InlineData(1, 2, true)]
    [InlineData(1, 100000, true)]
    [InlineData(-50, 50, false)]
    [InlineData(0, 1, false)]
    [InlineData(7, 7, false)]
    [InlineData(1, 12, false)]
    [InlineData(-100000, 100000, false)]
    public void Every_integer_of_the_range_maps_to_the_feature_space_and_back_to_itself(int min, int max, bool log)
    {
        var option = new UniformIntOption(min, max, log);
        for (var k = min; k <= max; k++)
        {
            var feature = option.MappingToFeatureSpace(Parameter.FromInt(k));
            feature.Should().ContainSingle().Which.Should().BeInRange(0, 1);
            option.SampleFromFeatureSpace(feature).AsDouble().Should().Be(k);
        }
    }

    [Theory]
    [InlineData(1, 10, true)]
    [InlineData(3, 9, false)]
    public void Uniform_features_give_every_integer_with_its_share_of_the_range(int min, int max, bool log)
    {
        var option = new UniformIntOption(min, max, log);
        var random = new Random(1);
        var counts = new Dictionary<double, int>();
        for (var i = 0; i < 20000; i++)
        {
            var k = option.SampleFromFeatureSpace([random.NextDouble()]).AsDouble();
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }
        counts.Keys.Should().BeEquivalentTo(Enumerable.Range(min, max - min + 1).Select(k => (double)k));
        if (!log)
            counts.Values.Should().OnlyContain(c => Math.Abs(c - 20000.0 / (max - min + 1)) < 300);
        else
            counts[min].Should().BeGreaterThan(counts[max], "log-uniform integers favour the small end");
    }

    [Fact]
    public void Integer_feature_cells_cover_the_ends_of_the_unit_interval()
    {
        var option = new UniformIntOption(1, 5);
        option.SampleFromFeatureSpace([0.0]).AsDouble().Should().Be(1);
        option.SampleFromFeatureSpace([1.0]).AsDouble().Should().Be(5);
    }

    [Fact]
    public void Log_doubles_map_geometrically()
    {
        var option = new UniformDoubleOption(1e-4, 1e-1, logBase: true);
        option.SampleFromFeatureSpace([0.0]).AsDouble().Should().BeApproximately(1e-4, 1e-18);
        option.SampleFromFeatureSpace([1.0]).AsDouble().Should().BeApproximately(1e-1, 1e-15);
        option.SampleFromFeatureSpace([1.0 / 3]).AsDouble().Should().BeApproximately(1e-3, 1e-15);
        option.MappingToFeatureSpace(Parameter.FromDouble(1e-2))[0].Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void Singles_round_trip_exactly()
    {
        var option = new UniformSingleOption(1e-3f, 10f, logBase: true);
        var random = new Random(3);
        for (var i = 0; i < 1000; i++)
        {
            var value = option.SampleFromFeatureSpace([random.NextDouble()]);
            value.Type.Should().Be(ParameterType.Float);
            var back = option.SampleFromFeatureSpace(option.MappingToFeatureSpace(value));
            ((float)back.AsDouble()).Should().Be((float)value.AsDouble());
        }
    }

    [Fact]
    public void The_default_is_the_given_value_or_else_the_minimum()
    {
        new UniformDoubleOption(0, 10, defaultValue: 4).SampleFromFeatureSpace(new UniformDoubleOption(0, 10, defaultValue: 4).Default)
            .AsDouble().Should().BeApproximately(4, 1e-12);
        var intOption = new UniformIntOption(10, 1000, logBase: true, defaultValue: 37);
        intOption.SampleFromFeatureSpace(intOption.Default).AsDouble().Should().Be(37);
        var noDefault = new UniformIntOption(3, 9);
        noDefault.SampleFromFeatureSpace(noDefault.Default).AsDouble().Should().Be(3);
    }

    [Fact]
    public void Values_outside_the_range_and_fractional_integers_are_rejected()
    {
        var option = new UniformIntOption(1, 10);
        option.Invoking(o => o.MappingToFeatureSpace(Parameter.FromInt(11))).Should().Throw<ArgumentOutOfRangeException>().WithMessage("*[1, 10]*");
        option.Invoking(o => o.MappingToFeatureSpace(Parameter.FromDouble(2.5))).Should().Throw<ArgumentException>().WithMessage("*whole*");
        option.Invoking(o => o.MappingToFeatureSpace(Parameter.FromString("x"))).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Features_outside_the_unit_interval_or_of_the_wrong_length_are_rejected()
    {
        var option = new UniformDoubleOption(0, 1);
        option.Invoking(o => o.SampleFromFeatureSpace([1.5])).Should().Throw<ArgumentOutOfRangeException>();
        option.Invoking(o => o.SampleFromFeatureSpace([double.NaN])).Should().Throw<ArgumentOutOfRangeException>();
        option.Invoking(o => o.SampleFromFeatureSpace([0.1, 0.2])).Should().Throw<ArgumentException>().WithMessage("*length 1*");
    }
}
