namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>
/// Hyperband with synchronous successive halving in each bracket. Brackets run in the order s_max, ..., 0 and then
/// cycle. When the oldest unfinished bracket has nothing to start (its rung waits for running trials), work is taken
/// from the next bracket, starting a new one if needed, so that parallel workers never idle; with one trial at a time
/// the brackets run one after the other exactly as in Li et al.
/// </summary>
internal sealed class SynchronousHyperbandScheduler : ISuccessiveHalvingScheduler
{
    private readonly HyperbandSchedule _schedule;
    private readonly List<BracketRun> _active = [];
    private readonly Dictionary<int, (BracketRun Bracket, BracketRun.Entry Entry)> _running = [];
    private int _iterations;
    private int _nextConfigId;

    public SynchronousHyperbandScheduler(HyperbandSchedule schedule) => _schedule = schedule;

    /// <summary>The number of brackets started so far.</summary>
    public int BracketsStarted => _iterations;

    public SuccessiveHalvingJob Next(int trialId, Func<double[]> newConfiguration)
    {
        foreach (var bracket in _active)
        {
            if (bracket.TryNext(NewConfigId, newConfiguration) is { } found)
                return Start(trialId, bracket, found);
        }
        var started = new BracketRun(_schedule.BracketOf(_iterations++));
        _active.Add(started);
        // A new bracket always has a first configuration to sample.
        return Start(trialId, started, started.TryNext(NewConfigId, newConfiguration)!.Value);
    }

    public void Report(int trialId, double loss)
    {
        if (!_running.Remove(trialId, out var running))
            return;
        running.Bracket.Report(running.Entry, loss);
        if (running.Bracket.IsFinished)
            _active.Remove(running.Bracket);
    }

    private SuccessiveHalvingJob Start(int trialId, BracketRun bracket, (SuccessiveHalvingJob Job, BracketRun.Entry Entry) found)
    {
        _running[trialId] = (bracket, found.Entry);
        return found.Job;
    }

    private int NewConfigId() => _nextConfigId++;
}
