namespace Snippets;

/// <summary>The C# samples of docs/postgres.md. They need a PostgreSQL server, so they are compiled, not run.</summary>
public static class Postgres
{
    [Snippet("docs/postgres.md", "postgres-worker")]
    public static async Task Worker(CancellationToken ct)
    {
        var space = ExampleSpace();
        #region snippet:postgres-worker
        using var store = new PostgresTrialStore("postgresql://nas:secret@db.example:5432/studies");
        using var worker = StudyWorker.Open(store, "lgbm", space, (s, seed) => new TpeTuner(s, null, seed), seed: 1,
            new StudyWorkerOptions { MaxTrials = 200, LeaseDuration = TimeSpan.FromSeconds(30) });

        await worker.RunAsync((trial, ct) => Task.FromResult(Train(trial.Parameter, ct)), ct);

        // or ask/tell, with the heartbeats running from Ask to Tell:
        using var lease = worker.Ask(ct);             // null once the study's limits are reached
        if (lease is not null)
            worker.Tell(lease, Train(lease.Settings.Parameter, lease.Lost));   // false: the result was refused (see below)
        #endregion
    }

    // The objective of the sample: a training that stops when its lease is lost.
    private static double Train(Parameter parameter, CancellationToken lost = default) => lost.IsCancellationRequested ? double.NaN : Stubs.Train(parameter);
}
