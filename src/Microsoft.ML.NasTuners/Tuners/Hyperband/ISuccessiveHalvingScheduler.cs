namespace Microsoft.ML.NasTuners.Tuners;

/// <summary>Decides which configuration runs next at which budget, and promotes configurations as results come in.</summary>
internal interface ISuccessiveHalvingScheduler
{
    /// <summary>The job for trial <paramref name="trialId"/>; calls <paramref name="newConfiguration"/> only when the
    /// job is a new configuration, so that a model samples it as late as possible.</summary>
    SuccessiveHalvingJob Next(int trialId, Func<double[]> newConfiguration);

    /// <summary>Records the loss (NaN for a trial with no usable loss) of a trial this scheduler handed out.</summary>
    void Report(int trialId, double loss);
}
