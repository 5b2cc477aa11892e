using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Featurization;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Featurization;

public class FeaturizerTests
{
    private static (Table Table, FeatureColumn[] Columns) Mixed(int rows)
    {
        var random = new Random(7);
        var numbers = Enumerable.Range(0, rows).Select(i => (float)random.NextDouble()).ToArray();
        var withGaps = Enumerable.Range(0, rows).Select(i => i % 5 == 0 ? float.NaN : i).ToArray();
        var colours = Enumerable.Range(0, rows).Select(i => new[] { "red", "green", "" }[i % 3].AsMemory()).ToArray();
        var ids = Enumerable.Range(0, rows).Select(i => $"id{i}".AsMemory()).ToArray();
        var notes = Enumerable.Range(0, rows).Select(i => (i % 2 == 0 ? "a very good day today" : "not so good a day").AsMemory()).ToArray();
        var table = new Table([
            TableColumn.Numeric("x", numbers), TableColumn.Numeric("gaps", withGaps), TableColumn.Text("colour", colours),
            TableColumn.Text("id", ids), TableColumn.Text("note", notes), TableColumn.Boolean("Label", numbers.Select(v => v > 0.5).ToArray()),
        ]);
        FeatureColumn[] columns =
        [
            new("x", NumberDataViewType.Single, true), new("gaps", NumberDataViewType.Double, true), new("colour", TextDataViewType.Instance, false),
            new("id", TextDataViewType.Instance, false), new("note", TextDataViewType.Instance, false),
        ];
        return (table, columns);
    }

    [Fact]
    public void Each_column_gets_the_treatment_its_values_call_for()
    {
        var (table, columns) = Mixed(200);

        var plans = Featurizer.Infer(table, columns, new FeaturizationRules()).Plans.ToDictionary(p => p.Name, p => p.Treatment);

        plans["x"].Should().Be(ColumnTreatment.Numeric);
        plans["gaps"].Should().Be(ColumnTreatment.NumericWithMissingIndicator);
        plans["colour"].Should().Be(ColumnTreatment.OneHot);
        plans["id"].Should().Be(ColumnTreatment.OneHotHash, "200 distinct values are more than 64");
        plans["note"].Should().Be(ColumnTreatment.Text, "its values have 4 and 5 words");
    }

    [Fact]
    public void The_rules_move_the_thresholds()
    {
        var (table, columns) = Mixed(200);

        var plans = Featurizer.Infer(table, columns, new FeaturizationRules { MaxOneHotCardinality = 500, MinTextWordsPerValue = 10 }).Plans
            .ToDictionary(p => p.Name, p => p.Treatment);

        plans["id"].Should().Be(ColumnTreatment.OneHot);
        plans["note"].Should().Be(ColumnTreatment.OneHot);
    }

    [Fact]
    public void The_features_vector_has_no_missing_value_and_one_indicator_per_column_with_gaps()
    {
        var context = new MLContext(seed: 1);
        var (table, columns) = Mixed(60);
        var featurizer = Featurizer.Infer(table, columns.Where(c => c.IsNumeric).ToArray(), new FeaturizationRules());

        var features = featurizer.Build(context, "Features").Fit(table).Transform(table).GetColumn<float[]>("Features").ToArray();

        features.Should().OnlyContain(row => row.Length == 3 && row.All(float.IsFinite), "x, gaps (mean-filled) and gaps' indicator");
        features.Count(row => row[1] == 1f).Should().Be(12, "every fifth of 60 rows is missing (x, then gaps' indicator)");
    }

    [Fact]
    public void The_user_s_columns_are_read_and_never_replaced_so_a_second_pipeline_after_it_sees_the_same_values()
    {
        var context = new MLContext(seed: 1);
        var (table, columns) = Mixed(60);
        var featurizer = Featurizer.Infer(table, columns.Where(c => c.IsNumeric).ToArray(), new FeaturizationRules());
        var fitted = featurizer.Build(context, "Features").Fit(table);

        var once = fitted.Transform(table);
        var twice = fitted.Transform(once);

        once.GetColumn<float>("gaps").Count(float.IsNaN).Should().Be(12, "the missing values are filled in a column of the featurisation's own");
        twice.GetColumn<float[]>("Features").Should().BeEquivalentTo(once.GetColumn<float[]>("Features"), o => o.WithStrictOrdering());
    }

    [DataFact("tabular")]
    public void House_votes_is_all_categorical_and_an_empty_vote_encodes_as_all_zeros()
    {
        var context = new MLContext(seed: 1);
        var data = TabularSets.Load(context, "house_votes84");
        var reader = TableReader.Fit(context, data, PipelineTask.BinaryClassification, TabularSets.Label, null, new HashSet<string>());
        var (table, _) = reader.Read(context, data);

        var featurizer = Featurizer.Infer(table, reader.Features, new FeaturizationRules());
        var features = featurizer.Build(context, "Features").Fit(table).Transform(table).GetColumn<float[]>("Features").ToArray();

        featurizer.Plans.Should().HaveCount(16).And.OnlyContain(p => p.Treatment == ColumnTreatment.OneHot);
        features.Should().HaveCount(435).And.OnlyContain(row => row.Length == 32, "16 votes of y or n");
        var missing = data.GetColumn<ReadOnlyMemory<char>>("V11").Select(v => v.IsEmpty).ToArray();
        Enumerable.Range(0, 435).Where(r => missing[r]).Should().NotBeEmpty()
            .And.OnlyContain(r => features[r][20] == 0 && features[r][21] == 0, "V11 is missing there");
    }
}
