namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>The time the last few proposals and every trial took, for <see cref="AutoRules.LeaveGp"/>'s cost rule.
/// (Not the benchmark's <c>ProposalCost</c> record, which is a measurement's result.)</summary>
internal sealed class ProposalCostMonitor
{
    private readonly Queue<double> _recentProposals = new();
    private readonly List<double> _trials = [];
    private readonly int _window;

    /// <summary>Creates the monitor.</summary>
    /// <param name="window">The number of most recent proposals judged.</param>
    public ProposalCostMonitor(int window) => _window = window;

    public void AddProposal(double milliseconds)
    {
        _recentProposals.Enqueue(milliseconds);
        if (_recentProposals.Count > _window) _recentProposals.Dequeue();
    }

    public void AddTrial(double milliseconds)
    {
        if (double.IsFinite(milliseconds) && milliseconds >= 0) _trials.Add(milliseconds);
    }

    /// <summary>Forgets the proposals, so a new tuner is judged on its own.</summary>
    public void ClearProposals() => _recentProposals.Clear();

    /// <summary>The median of the last window's proposals; 0 until the window is full.</summary>
    public double MedianRecentProposalMilliseconds() =>
        _recentProposals.Count < _window ? 0 : Median(_recentProposals.ToList());

    public double MedianTrialMilliseconds() => _trials.Count == 0 ? 0 : Median(_trials.ToList());

    /// <summary>True when the median of the last window's proposals exceeds both the median trial and
    /// <paramref name="floorMilliseconds"/>: the time spent choosing trials is then more than the time spent running them.</summary>
    public bool ProposalsOutweighTrials(double floorMilliseconds)
    {
        if (_recentProposals.Count < _window || _trials.Count == 0) return false;
        var proposal = MedianRecentProposalMilliseconds();
        return proposal > floorMilliseconds && proposal > MedianTrialMilliseconds();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
