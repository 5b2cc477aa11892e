namespace Microsoft.ML.AutoML;

public class ExperimentSettings
{
    public uint MaxExperimentTimeInSeconds { get; set; } = 86400;
}
