namespace Microsoft.ML.AutoML;

public class TrialResult
{
    public TrialSettings TrialSettings { get; set; } = new();

    public ITransformer? Model { get; set; }

    public double Loss { get; set; }

    public double Metric { get; set; }

    public double DurationInMilliseconds { get; set; }

    public double? PeakCpu { get; set; }

    public double? PeakMemoryInMegaByte { get; set; }
}
