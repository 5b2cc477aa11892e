using Microsoft.ML.NasTuners.Pipelines.Data;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Data;

public class TabularCsvTests
{
    [Fact]
    public void Numbers_become_Single_with_empty_as_NaN_and_anything_else_text()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a,b,c\n1.5,x,\"1,000\"\n,y,2\n3,\"z z\",3\n");
            var context = new MLContext(seed: 1);

            var data = TabularCsv.Load(context, path);

            data.Schema["a"].Type.Should().Be(NumberDataViewType.Single);
            data.Schema["b"].Type.Should().Be(TextDataViewType.Instance);
            data.Schema["c"].Type.Should().Be(TextDataViewType.Instance, "\"1,000\" is not an invariant number");
            data.GetColumn<float>("a").Should().Equal(1.5f, float.NaN, 3f);
            data.GetColumn<ReadOnlyMemory<char>>("b").Select(v => v.ToString()).Should().Equal("x", "y", "z z");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DataFact("tabular")]
    public void The_tabular_sets_load_with_their_numbers_as_numbers()
    {
        var context = new MLContext(seed: 1);

        TabularCsv.Load(context, Microsoft.ML.NasTuners.Data.NasDataSets.Tabular.RequireFile("letter.csv")).Schema
            .Where(c => c.Name != TabularSets.Label).Should().HaveCount(16).And.OnlyContain(c => c.Type == NumberDataViewType.Single);
        TabularCsv.Load(context, Microsoft.ML.NasTuners.Data.NasDataSets.Tabular.RequireFile("house_votes84.csv")).Schema
            .Should().HaveCount(17).And.OnlyContain(c => c.Type == TextDataViewType.Instance);
    }

    [Fact]
    public void A_file_with_a_header_and_no_rows_is_refused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "a,b\n");
            var load = () => TabularCsv.Load(new MLContext(seed: 1), path);
            load.Should().Throw<InvalidDataException>().WithMessage("*no rows*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
