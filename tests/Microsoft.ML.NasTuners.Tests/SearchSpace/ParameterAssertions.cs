namespace Microsoft.ML.NasTuners.Tests.SearchSpaces;

/// <summary>FluentAssertions sees a <see cref="Parameter"/> as a dictionary; these compare it by value instead.</summary>
internal static class ParameterAssertions
{
    public static void ShouldEqual(this Parameter actual, Parameter expected, string because = "")
    {
        actual.Equals(expected).Should().BeTrue($"{actual} should equal {expected} {because}");
    }
}
