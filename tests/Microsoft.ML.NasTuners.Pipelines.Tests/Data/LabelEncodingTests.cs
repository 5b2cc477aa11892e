using Microsoft.ML.NasTuners.Pipelines.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Data;

public class LabelEncodingTests
{
    [Fact]
    public void Binary_classes_sort_and_the_greater_is_positive()
    {
        LabelEncoding.Fit(PipelineTask.BinaryClassification, ["pos", "neg", "neg", ""], "label").PositiveClass.Should().Be("pos");
        LabelEncoding.Fit(PipelineTask.BinaryClassification, ["1", "0"], "label").PositiveClass.Should().Be("1");
    }

    [Fact]
    public void A_given_positive_class_wins()
    {
        var encoding = LabelEncoding.Fit(PipelineTask.BinaryClassification, ["republican", "democrat"], "label", positiveClass: "democrat");

        encoding.Classes.Should().Equal("republican", "democrat");
        encoding.KeyOf("democrat").Should().Be(2);
    }

    [Fact]
    public void Numeric_classes_sort_as_numbers_and_unseen_or_missing_values_have_key_0()
    {
        var encoding = LabelEncoding.Fit(PipelineTask.MulticlassClassification, ["10", "9", "2", "9"], "label");

        encoding.Classes.Should().Equal("2", "9", "10");
        encoding.KeyOf("10").Should().Be(3);
        encoding.KeyOf("11").Should().Be(0);
        encoding.KeyOf("").Should().Be(0);
    }

    [Fact]
    public void Binary_classification_of_three_classes_is_refused_with_the_classes_named()
    {
        var fit = () => LabelEncoding.Fit(PipelineTask.BinaryClassification, ["a", "b", "c"], "label");

        fit.Should().Throw<ArgumentException>().WithMessage("*exactly 2 classes*'label'*a, b, c*MulticlassClassification*");
    }
}
