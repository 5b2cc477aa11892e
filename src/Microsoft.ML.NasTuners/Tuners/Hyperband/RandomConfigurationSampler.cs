namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Uniform random configurations (log-uniform for log-scaled numbers); results are ignored.</summary>
internal sealed class RandomConfigurationSampler(ModelView view, Random random) : IConfigurationSampler
{
    public double[] Sample(TunerHistory<double[]> trials) => view.Sample(random);
}
