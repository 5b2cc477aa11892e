using Microsoft.ML.NasTuners.Pipelines.Validation;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Validation;

public class StratifiedSplitsTests
{
    // 60 rows of class 1, 30 of class 2, 10 of class 3.
    private static readonly int[] Strata = [.. Enumerable.Repeat(1, 60), .. Enumerable.Repeat(2, 30), .. Enumerable.Repeat(3, 10)];

    [Fact]
    public void Cross_validation_folds_partition_the_rows_and_keep_the_class_proportions()
    {
        var folds = StratifiedSplits.Folds(Strata, PipelineValidation.CrossValidation(5), seed: 1);

        folds.Should().HaveCount(5);
        folds.SelectMany(f => f.Valid).Should().BeEquivalentTo(Enumerable.Range(0, 100));
        foreach (var (train, valid) in folds)
        {
            train.Intersect(valid).Should().BeEmpty();
            valid.Count(r => Strata[r] == 1).Should().Be(12);
            valid.Count(r => Strata[r] == 2).Should().Be(6);
            valid.Count(r => Strata[r] == 3).Should().Be(2);
        }
    }

    [Fact]
    public void A_holdout_keeps_its_fraction_of_each_class()
    {
        var (train, valid) = StratifiedSplits.Folds(Strata, PipelineValidation.Holdout(0.2), seed: 1).Single();

        valid.Should().HaveCount(20);
        valid.Count(r => Strata[r] == 3).Should().Be(2);
        train.Should().HaveCount(80);
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        var a = StratifiedSplits.Folds(Strata, PipelineValidation.Holdout(), seed: 1).Single().Valid;
        var b = StratifiedSplits.Folds(Strata, PipelineValidation.Holdout(), seed: 1).Single().Valid;
        var c = StratifiedSplits.Folds(Strata, PipelineValidation.Holdout(), seed: 2).Single().Valid;

        a.Should().Equal(b);
        a.Should().NotEqual(c);
    }

    [Theory]
    [InlineData(1.0 / 9)]
    [InlineData(1.0 / 3)]
    public void A_subsample_takes_the_fraction_of_each_class_rounded_up(double fraction)
    {
        var rows = Enumerable.Range(0, 100).ToArray();

        var picked = StratifiedSplits.Subsample(rows, Strata, fraction, seed: 5);

        var expected = new[] { 60, 30, 10 }.Sum(n => (int)Math.Ceiling(n * fraction));
        picked.Should().HaveCount(expected).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        picked.Count(r => Strata[r] == 3).Should().Be((int)Math.Ceiling(10 * fraction));
        StratifiedSplits.Subsample(rows, Strata, fraction, seed: 5).Should().Equal(picked);
    }

    [Fact]
    public void The_full_fraction_is_every_row()
    {
        StratifiedSplits.Subsample([3, 5, 7], Strata, 1, seed: 1).Should().Equal(3, 5, 7);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.95)]
    public void A_holdout_fraction_out_of_range_is_refused(double fraction)
    {
        var make = () => PipelineValidation.Holdout(fraction);
        make.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*(0, 0.9]*");
    }

    [Fact]
    public void The_default_cross_validates_small_data_and_holds_out_on_large()
    {
        PipelineValidation.DefaultFor(500).Should().Be(PipelineValidation.CrossValidation(5));
        PipelineValidation.DefaultFor(16000).Should().Be(PipelineValidation.Holdout(0.2));
    }
}
