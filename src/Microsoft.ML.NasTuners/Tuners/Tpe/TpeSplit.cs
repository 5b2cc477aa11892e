namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>The trials of one node split into good (below gamma) and bad, each oldest first with its weights. Under the
/// constant liar a pending trial is in both groups (see <see cref="TpeOptions.LiarGoodShare"/>): in the good group with
/// its weight times <see cref="PendingGoodShare"/> (only when that share is positive), in the bad group with its weight
/// times one minus the share (only when that is positive); the flags mark such provisional observations.</summary>
internal sealed record TpeSplit(
    TunerTrial<double[]>[] Good, double[] GoodWeights, bool[] GoodPending,
    TunerTrial<double[]>[] Bad, double[] BadWeights, bool[] BadPending,
    double PendingGoodShare);
