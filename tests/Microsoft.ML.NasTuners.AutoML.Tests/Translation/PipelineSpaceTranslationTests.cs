namespace Microsoft.ML.NasTuners.AutoML.Tests.Translation;

/// <summary>Which estimators a pipeline schema names.</summary>
public class PipelineSpaceTranslationTests
{
    private static readonly string[] Estimators = ["e0", "e1", "e2", "e10"];

    [Theory]
    [InlineData("e0 * e1", new[] { "e0", "e1" })]
    [InlineData("e0 * (e1 + e10)", new[] { "e0", "e1", "e10" })]
    [InlineData("e10", new[] { "e10" })]
    [InlineData("e0*e2", new[] { "e0", "e2" })]
    public void A_schema_names_the_estimators_whose_keys_are_its_words(string schema, string[] expected)
    {
        PipelineSpaceTranslation.EstimatorsIn(schema, Estimators).Should().BeEquivalentTo(expected);
    }
}
