namespace Snippets;

/// <summary>The C# samples of docs/studies.md.</summary>
public static class Studies
{
    [Snippet("docs/studies.md", "study-resume")]
    public static async Task Resume()
    {
        var mlContext = new MLContext(seed: 1);
        var space = ExampleSpace();
        var folder = Directory.CreateTempSubdirectory("snippet-study-").FullName;
        Directory.SetCurrentDirectory(folder);
        #region snippet:study-resume
        var result = await mlContext.Nas().CreateExperiment()
            .SetSearchSpace(space)
            .SetTuner((s, seed) => new TpeTuner(s, null, seed))
            .SetObjective((parameter, trial, ct) => Train(parameter))
            .SetStudy("lgbm-breast-cancer", "studies.db")   // a SQLite file, created on first use
            .SetMaxTrials(200)
            .SetSeed(1)
            .RunAsync();
        #endregion
    }

    [Snippet("docs/studies.md", "shared-study")]
    public static async Task Shared()
    {
        var mlContext = new MLContext(seed: 1);
        var space = ExampleSpace();
        var processIndex = 2;
        var folder = Directory.CreateTempSubdirectory("snippet-study-").FullName;
        Directory.SetCurrentDirectory(folder);
        #region snippet:shared-study
        var result = await mlContext.Nas().CreateExperiment()
            .SetSearchSpace(space)
            .SetObjective((parameter, trial, ct) => Train(parameter))
            .SetStudy("lgbm", "studies.db")
            .SetInterruptedTrials(InterruptedTrialPolicy.LeaveRunning)   // running trials may be another process's
            .SetSeed(processIndex)                                         // each process its own seed
            .SetMaxTrials(200)                                             // the study's limit, shared by the processes
            .RunAsync();
        #endregion
    }

    [Snippet("docs/studies.md", "ask-tell")]
    public static void AskTell()
    {
        var space = ExampleSpace();
        var folder = Directory.CreateTempSubdirectory("snippet-study-").FullName;
        Directory.SetCurrentDirectory(folder);
        #region snippet:ask-tell
        using var store = new SqliteTrialStore("studies.db");
        var study = NasStudy.Open("remote", store, space, (s, seed) => new SmacTuner(s, null, seed), seed: 1);
        var trial = study.Ask();                      // written as Running
        study.Tell(trial, Train(trial.Parameter));    // or study.Tell(trial, TrialStatus.Failed, "out of memory")
        #endregion
    }
}
