namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>The time proposals and trials take, for <see cref="AutoRules.LeaveGp"/>'s cost rule.</summary>
internal sealed class ProposalCost
{
    private readonly Queue<double> _recentProposals = new();
    private readonly List<double> _trials = [];
    private readonly int _window;

    public ProposalCost(int window) => _window = window;

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

    public double MedianRecentProposalMilliseconds(int window) =>
        _recentProposals.Count < window ? 0 : Median(_recentProposals.ToList());

    public double MedianTrialMilliseconds() => _trials.Count == 0 ? 0 : Median(_trials.ToList());

    /// <summary>True when the median of the last <paramref name="window"/> proposals exceeds both the median trial and
    /// <paramref name="floorMilliseconds"/>: the time spent choosing trials is then more than the time spent running them.</summary>
    public bool ProposalsOutweighTrials(int window, double floorMilliseconds)
    {
        if (_recentProposals.Count < window || _trials.Count == 0) return false;
        var proposal = MedianRecentProposalMilliseconds(window);
        return proposal > floorMilliseconds && proposal > MedianTrialMilliseconds();
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
