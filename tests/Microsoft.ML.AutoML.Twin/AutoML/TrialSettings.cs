using Microsoft.ML.SearchSpace;

namespace Microsoft.ML.AutoML;

public class TrialSettings
{
    public int TrialId { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? EndedAtUtc { get; set; }

    public Parameter Parameter { get; set; } = Parameter.CreateNestedParameter();
}
