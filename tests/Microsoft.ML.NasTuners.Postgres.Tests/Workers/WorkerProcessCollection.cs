namespace Microsoft.ML.NasTuners.Postgres.Tests.Workers;

/// <summary>The tests that start worker processes run one after another: several of them at once on a small machine
/// would starve the workers' heartbeat threads and let leases run out that the tests expect to hold.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerProcessCollection
{
    public const string Name = "worker processes";
}
