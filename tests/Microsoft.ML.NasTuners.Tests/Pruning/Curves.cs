using Microsoft.ML.NasTuners.Pruning;

namespace Microsoft.ML.NasTuners.Tests.Pruning;

/// <summary>Hand-made learning curves.</summary>
internal static class Curves
{
    /// <summary>A curve with a value at steps 1, 2, ...</summary>
    public static TrialCurve Of(int id, TrialStatus status, params double[] values) =>
        new(id, status, values.Select((v, i) => new IntermediateValue(i + 1, v)).ToArray());

    public static TrialCurve Done(int id, params double[] values) => Of(id, TrialStatus.Succeeded, values);

    public static TrialCurve Running(int id, params double[] values) => Of(id, TrialStatus.Running, values);
}
