namespace Microsoft.ML.NasTuners.Pipelines.Tests.Ensembles;

public class EnsembleProbe
{
    [Theory]
    [InlineData("wine", 4)]
    [InlineData("diabetes", 4)]
    [InlineData("breast_cancer", 4)]
    [InlineData("pima", 4)]
    [InlineData("house_votes84", 4)]
    [InlineData("wine", 5)]
    [InlineData("diabetes", 5)]
    [InlineData("breast_cancer", 5)]
    [InlineData("pima", 5)]
    [InlineData("house_votes84", 5)]
    public async Task Probe(string set, int seed)
    {
        if (Environment.GetEnvironmentVariable("ENSEMBLE_PROBE") is null) return;
        var context = new MLContext(seed: seed);
        var (train, test) = TabularSets.Split(context, set, seed);
        var task = set switch { "wine" => PipelineTask.MulticlassClassification, "diabetes" => PipelineTask.Regression, _ => PipelineTask.BinaryClassification };
        foreach (var size in new[] { 1, 3, 5 })
        {
            var catalog = context.Nas();
            var e = task switch
            {
                PipelineTask.MulticlassClassification => catalog.MulticlassClassification(train, TabularSets.Label, test),
                PipelineTask.Regression => catalog.Regression(train, TabularSets.Label, test),
                _ => catalog.BinaryClassification(train, TabularSets.Label, test),
            };
            var r = await e.SetSeed(seed).SetMaxTrials(60).SetEnsembleSize(size).RunAsync();
            File.AppendAllText("/tmp/probe.txt", $"{set} seed {seed} size {size}: valid {r.ValidationMetrics[r.Metric]:F4} best {r.BestTrial!.Metric:F4} test {r.TestMetrics![r.Metric]:F4} ensemble {(r.Ensemble is null ? "-" : string.Join(",", r.Ensemble.Members.Select(m => m.Trainer)))}\n");
        }
    }
}
