namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Asynchronous successive halving (ASHA, Li et al. 2020) over the rung budgets of a <see cref="HyperbandSchedule"/>:
/// when a worker asks for work, the highest rung that holds a configuration in the best ⌊n/η⌋ of its n results so far
/// and not yet promoted promotes it one rung up; otherwise a new configuration starts at the smallest budget. Nobody
/// ever waits for a rung to fill, at the price of some promotions that a full rung would not have made.
/// </summary>
internal sealed class AsynchronousSuccessiveHalvingScheduler : ISuccessiveHalvingScheduler
{
    private readonly HyperbandSchedule _schedule;
    private readonly List<Result>[] _results;
    private readonly HashSet<int>[] _promoted;
    private readonly Dictionary<int, (int ConfigId, double[] Point, int Rung, int Order)> _running = [];
    private int _nextConfigId;

    public AsynchronousSuccessiveHalvingScheduler(HyperbandSchedule schedule)
    {
        _schedule = schedule;
        var levels = schedule.Budgets.Count;
        _results = Enumerable.Range(0, levels).Select(_ => new List<Result>()).ToArray();
        _promoted = Enumerable.Range(0, levels).Select(_ => new HashSet<int>()).ToArray();
    }

    public SuccessiveHalvingJob Next(int trialId, Func<double[]> newConfiguration)
    {
        var budgets = _schedule.Budgets;
        for (var rung = budgets.Count - 2; rung >= 0; rung--)
        {
            var results = _results[rung];
            var top = (int)Math.Floor(results.Count / _schedule.Options.Eta);
            var candidate = results
                .Where(r => double.IsFinite(r.Loss))
                .OrderBy(r => r.Loss)
                .ThenBy(r => r.Order)
                .Take(top)
                .FirstOrDefault(r => !_promoted[rung].Contains(r.ConfigId));
            if (candidate is null)
                continue;
            _promoted[rung].Add(candidate.ConfigId);
            _running[trialId] = (candidate.ConfigId, candidate.Point, rung + 1, candidate.Order);
            var previous = budgets[rung] < budgets[rung + 1] ? budgets[rung] : (double?)null;
            return new SuccessiveHalvingJob(candidate.ConfigId, candidate.Point, budgets[rung + 1], previous);
        }
        var id = _nextConfigId++;
        var point = newConfiguration();
        _running[trialId] = (id, point, 0, id);
        return new SuccessiveHalvingJob(id, point, budgets[0], null);
    }

    public void Report(int trialId, double loss)
    {
        if (!_running.Remove(trialId, out var running))
            return;
        _results[running.Rung].Add(new Result(running.ConfigId, running.Point, loss, running.Order));
    }

    private sealed record Result(int ConfigId, double[] Point, double Loss, int Order);
}
