namespace Microsoft.ML.NasTuners.TorchSharp.Tests;

public class DigitsDatasetTests
{
    [DataFact("digits")]
    public void Split_is_60_20_20_disjoint_and_fixed()
    {
        var split = TestData.Split;
        (split.Train.Count, split.Validation.Count, split.Test.Count).Should().Be((1078, 359, 360));
        split.Train.Shape.Should().Be(new CnnInputShape(1, 8, 8));
        split.Train.Features.ToArray().Should().OnlyContain(v => v >= 0 && v <= 1);
        split.Train.Labels.Distinct().Should().HaveCount(10);

        var again = DigitsDataset.Load();
        again.Test.Labels.Should().Equal(split.Test.Labels);
        again.Test.Features.ToArray().Should().Equal(split.Test.Features.ToArray());
        DigitsDataset.Load(seed: 1).Test.Labels.Should().NotEqual(split.Test.Labels);

        // Every image of the file lands in exactly one part.
        var all = DigitsDataset.LoadAll();
        static string Key(ImageDataset d, int i) => string.Join(",", d.Features.Slice(i * 64, 64).ToArray()) + ":" + d.Labels[i];
        var parts = new[] { split.Train, split.Validation, split.Test }.SelectMany(d => Enumerable.Range(0, d.Count).Select(i => Key(d, i))).OrderBy(k => k, StringComparer.Ordinal);
        parts.Should().Equal(Enumerable.Range(0, all.Count).Select(i => Key(all, i)).OrderBy(k => k, StringComparer.Ordinal));
    }

    [DataFact("digits")]
    public void Concat_appends_the_images_and_labels_of_a_matching_set()
    {
        var split = TestData.Split;
        var both = split.Train.Take(5).Concat(split.Validation.Take(3));

        both.Count.Should().Be(8);
        both.Labels.Should().Equal(split.Train.Labels.Take(5).Concat(split.Validation.Labels.Take(3)));
        both.Features.ToArray().Should().Equal(split.Train.Take(5).Features.ToArray().Concat(split.Validation.Take(3).Features.ToArray()));
        var other = new ImageDataset(new float[4], [0], new CnnInputShape(1, 2, 2), 10);
        var act = () => split.Train.Concat(other);
        act.Should().Throw<ArgumentException>().WithMessage("*do not match*");
    }

    [DataFact("digits")]
    public void The_path_comes_from_the_environment_variable_when_set()
    {
        var found = DigitsDataset.FindFile();
        found.Should().NotBeNull();
        var previous = Environment.GetEnvironmentVariable(DigitsDataset.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(DigitsDataset.PathVariable, Path.GetDirectoryName(found));
            DigitsDataset.FindFile().Should().Be(found);
        }
        finally
        {
            Environment.SetEnvironmentVariable(DigitsDataset.PathVariable, previous);
        }
        FluentActions.Invoking(() => DigitsDataset.LoadAll("/nonexistent/digits.csv.gz")).Should().Throw<IOException>();
    }
}
