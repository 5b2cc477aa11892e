namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>The trials of one node split into good (below gamma) and bad, each oldest first with its weights.</summary>
internal sealed record TpeSplit(TpeTrial[] Good, double[] GoodWeights, TpeTrial[] Bad, double[] BadWeights);
