using Microsoft.ML.Data;
using Microsoft.ML.NasTuners.Pipelines.Data;
using Microsoft.ML.NasTuners.Pipelines.Ensembles;
using Microsoft.ML.NasTuners.Pipelines.Tests.Running;
using Microsoft.ML.NasTuners.Pipelines.Trainers;

namespace Microsoft.ML.NasTuners.Pipelines.Tests.Ensembles;

public class StackedEnsembleTests
{
    private static EnsembleCandidate Candidate(int id, string trainer, double loss) =>
        new(new PipelineTrial { TrialId = id, Trainer = trainer, Parameter = Parameter.CreateNestedParameter(), Status = TrialStatus.Succeeded, Loss = loss },
            new OutOfFoldPredictions(1, 1));

    [Fact]
    public void The_members_are_the_best_trial_of_each_of_the_best_trainers_best_first()
    {
        var candidates = new[]
        {
            Candidate(0, "LightGbm", 0.30), Candidate(1, "LightGbm", 0.20), Candidate(2, "FastTree", 0.25),
            Candidate(3, "Sdca", 0.40), Candidate(4, "FastForest", 0.50), Candidate(5, "FastTree", 0.26),
        };

        var members = StackedEnsemble.ChooseMembers(candidates, maxMembers: 3);

        members.Select(m => m.Trial.TrialId).Should().Equal(1, 2, 3);
        StackedEnsemble.ChooseMembers(candidates, maxMembers: 10).Select(m => m.Trial.Trainer).Should().OnlyHaveUniqueItems().And.HaveCount(4);
    }

    [Fact]
    public void Stacking_keeps_the_rows_every_member_predicted_with_their_predictions_side_by_side()
    {
        var training = new Table([TableColumn.Key("label", [1, 2, 3, 1], ["a", "b", "c"])]);
        var first = new OutOfFoldPredictions(4, 3);
        var second = new OutOfFoldPredictions(4, 3);
        var scored = new Table([TableColumn.Vector("Score", [new VBuffer<float>(3, [0.7f, 0.2f, 0.1f]), new VBuffer<float>(3, [0.1f, 0.8f, 0.1f]), new VBuffer<float>(3, [0.2f, 0.2f, 0.6f])], 3)]);
        first.Record(PipelineTask.MulticlassClassification, scored, [0, 1, 2]);
        second.Record(PipelineTask.MulticlassClassification, scored, [1, 2, 3]);

        var (stacked, rows) = new StackedEnsemble(PipelineTask.MulticlassClassification, "label").Stack(training, [first, second]);

        rows.Should().Equal(1, 2);
        stacked.Schema[StackedEnsemble.StackedColumn].Type.Should().Be(new VectorDataViewType(NumberDataViewType.Single, 6));
        stacked.GetColumn<float[]>(StackedEnsemble.StackedColumn).Should().SatisfyRespectively(
            row => row.Should().Equal(0.1f, 0.8f, 0.1f, 0.7f, 0.2f, 0.1f),
            row => row.Should().Equal(0.2f, 0.2f, 0.6f, 0.1f, 0.8f, 0.1f));
        stacked.GetColumn<uint>("label").Should().Equal(2u, 3u);
    }

    [Fact]
    public void A_prediction_of_the_wrong_width_is_refused()
    {
        var predictions = new OutOfFoldPredictions(2, 3);
        var scored = new Table([TableColumn.Numeric("Score", [0.5f, 0.6f])]);

        var record = () => predictions.Record(PipelineTask.Regression, scored, [0, 1]);

        record.Should().Throw<InvalidOperationException>().WithMessage("*1 numbers where 3*");
    }

    [DataFact("tabular")]
    public void A_multiclass_ensemble_reads_the_user_s_rows_predicts_class_names_and_saves_as_one_model()
    {
        var context = new MLContext(seed: 1);
        var (train, test) = TabularSets.Split(context, "wine");
        var (table, fitter, evaluator) = ValidatedTables.For(context, train, PipelineTask.MulticlassClassification, PipelineValidation.CrossValidation(5));
        var trainers = PipelineTrainers.Multiclass().Where(t => t.Name is "LbfgsMaximumEntropy" or "FastForestOva").ToArray();
        var predictions = trainers.Select(t => evaluator.Evaluate(context, t, null, budget: null, recordPredictions: true, CancellationToken.None).Predictions!).ToArray();
        var ensemble = new StackedEnsemble(PipelineTask.MulticlassClassification, TabularSets.Label);

        var (stacked, rows) = ensemble.Stack(table, predictions);
        var model = ensemble.Assemble(context, trainers.Select(t => fitter.Fit(context, t, null, table, 1)).ToArray(),
            ensemble.Combiner(context, trainers.Length).Fit(stacked), table);

        rows.Should().HaveCount(table.RowCount, "5-fold cross-validation predicts every training row once");
        predictions.Select(p => p.Width).Should().OnlyContain(w => w == 3, "wine has 3 classes");
        model.Description.Should().StartWith("Ensemble of 2, stacked by LbfgsMaximumEntropy (non-negative)");
        var newRows = NewRows.WithoutLabel(context, test);
        var names = model.Model.Transform(newRows).GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(p => p.ToString()).ToArray();
        names.Should().HaveCount(NewRows.Count(test)).And.OnlyContain(p => p == "0" || p == "1" || p == "2");
        var path = Path.Combine(Path.GetTempPath(), $"ensemble-{Guid.NewGuid():N}.zip");
        try
        {
            context.Model.Save(model.Model, train.Schema, path);
            context.Model.Load(path, out _).Transform(newRows).GetColumn<ReadOnlyMemory<char>>("PredictedLabel").Select(p => p.ToString())
                .Should().Equal(names);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
