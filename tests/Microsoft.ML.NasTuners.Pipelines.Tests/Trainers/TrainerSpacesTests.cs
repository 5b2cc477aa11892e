using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Trainers;

public class TrainerSpacesTests
{
    [Theory]
    [InlineData("L1Regularization")]
    [InlineData("L2Regularization")]
    public void Linear_penalties_reach_down_to_the_L2_SDCA_chooses_for_itself_and_up_to_strong_ones(string key)
    {
        var range = (UniformDoubleOption)TrainerSpaces.Linear()[key];

        // SDCA's own L2 by data size: 1e-2 below 200 rows, 1e-3 up to 10,000, 1e-4 above (ML.NET's TuneDefaultL2).
        foreach (var sdcaDefault in new[] { 1e-2, 1e-3, 1e-4 })
            sdcaDefault.Should().BeInRange(range.Min, range.Max);
        range.Max.Should().BeGreaterThanOrEqualTo(10, "a penalty of 10 or more shrinks a normalised linear model to almost nothing");
        range.LogBase.Should().BeTrue();
    }

}
